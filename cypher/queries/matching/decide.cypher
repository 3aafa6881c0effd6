// An editor's decision on a proposal. Accepting writes the relation between the two claims
// (marked as coming from review, with who and when) in the same transaction; rejecting only
// records the decision, which keeps the proposal from ever being made again. Returns nothing
// when the proposal does not exist; `status` is what it was before, so a second decision is seen.
MATCH (x:LinkProposal {key: $key})
WITH x, x.status AS before
OPTIONAL MATCH (f:Claim {key: x.fromKey})
OPTIONAL MATCH (t:Claim {key: x.toKey})
CALL (x, before, f, t) {
  WITH x, before, f, t
  WHERE before = 'proposed' AND (($decision = 'accepted' AND f IS NOT NULL AND t IS NOT NULL) OR $decision = 'rejected')
  SET x.status = $decision, x.decidedAt = datetime(), x.decidedBy = $by, x.note = $note
  WITH x, f, t
  WHERE $decision = 'accepted'
  CALL (x, f, t) {
    WITH x, f, t
    WHERE x.type = 'SUPPORTS'
    MERGE (f)-[r:SUPPORTS]->(t)
    ON CREATE SET r.declaredIn = 'review', r.by = $by, r.at = datetime(), r.note = coalesce($note, 'accepted proposal ' + x.key)
  }
  CALL (x, f, t) {
    WITH x, f, t
    WHERE x.type = 'CONTRADICTS'
    MERGE (f)-[r:CONTRADICTS]->(t)
    ON CREATE SET r.declaredIn = 'review', r.by = $by, r.at = datetime(), r.note = coalesce($note, 'accepted proposal ' + x.key)
  }
  CALL (x, f, t) {
    WITH x, f, t
    WHERE x.type = 'SAME_STATEMENT'
    MERGE (f)-[r:SAME_STATEMENT]->(t)
    ON CREATE SET r.declaredIn = 'review', r.by = $by, r.at = datetime(), r.note = coalesce($note, 'accepted proposal ' + x.key)
  }
}
RETURN before, x.status AS status, x.fromKey AS fromKey, x.toKey AS toKey,
       f IS NOT NULL AND t IS NOT NULL AS claimsExist
