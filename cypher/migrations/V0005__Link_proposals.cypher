// Links proposed by the matcher (SAME_STATEMENT, SUPPORTS, CONTRADICTS between claims of
// different articles), waiting for an editor's decision. A proposal is a node of its own, not a
// relationship between the claims, so that it never counts in grading until accepted and its
// decision outlives the claims (a rejected proposal is never made again). Keyed by
// type + unordered pair of claim keys; `pair` finds any proposal for two claims; the queue is
// read by status, best score first.
CREATE CONSTRAINT link_proposal_key IF NOT EXISTS FOR (n:LinkProposal) REQUIRE n.key IS UNIQUE;
CREATE INDEX link_proposal_pair IF NOT EXISTS FOR (n:LinkProposal) ON (n.pair);
CREATE INDEX link_proposal_status_score IF NOT EXISTS FOR (n:LinkProposal) ON (n.status, n.score);
