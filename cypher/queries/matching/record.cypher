// Stores the matcher's proposals. A proposal is made once: a key already stored (proposed,
// accepted or rejected) is left as it is, so re-ingesting proposes nothing twice and a rejected
// proposal is never proposed again. Nothing is proposed for two claims that already have an open
// or accepted proposal of any type, or that are already related by that type either way.
UNWIND $proposals AS p
MATCH (f:Claim {key: p.fromKey}), (t:Claim {key: p.toKey})
WHERE NOT EXISTS { MATCH (f)-[r:SUPPORTS|CONTRADICTS|SAME_STATEMENT]-(t) WHERE type(r) = p.type }
  AND NOT EXISTS { MATCH (x:LinkProposal {pair: p.pair}) WHERE x.key = p.key OR x.status IN ['proposed', 'accepted'] }
CREATE (x:LinkProposal {key: p.key})
SET x.pair = p.pair, x.type = p.type, x.fromKey = p.fromKey, x.toKey = p.toKey, x.score = p.score,
    x.reasons = p.reasons, x.status = 'proposed', x.proposedAt = datetime(), x.proposedBy = $by,
    x.proposedIn = $articleKey
RETURN count(x) AS proposed
