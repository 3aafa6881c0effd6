// Full-text search over what was claimed: the plain-words text and the verbatim quote.
CREATE FULLTEXT INDEX claim_text IF NOT EXISTS FOR (n:Claim) ON EACH [n.text, n.quote];
// Lookup of people, governments and sources by name or any alias ("Damascus", "al-Sharaa").
CREATE FULLTEXT INDEX agent_names IF NOT EXISTS FOR (n:Actor|Source) ON EACH [n.name, n.aliasText];
// Filters and sort keys of the claims list and the timeline.
CREATE INDEX claim_status IF NOT EXISTS FOR (n:Claim) ON (n.status);
CREATE INDEX claim_kind IF NOT EXISTS FOR (n:Claim) ON (n.kind);
CREATE INDEX claim_confidence IF NOT EXISTS FOR (n:Claim) ON (n.confidence);
CREATE INDEX claim_said_at IF NOT EXISTS FOR (n:Claim) ON (n.saidAt);
CREATE INDEX article_url IF NOT EXISTS FOR (n:Article) ON (n.url);
CREATE INDEX article_published IF NOT EXISTS FOR (n:Article) ON (n.publishedAt);
CREATE INDEX event_start IF NOT EXISTS FOR (n:Event) ON (n.timeStart);
