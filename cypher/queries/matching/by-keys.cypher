// Proposals by key, for the API.
UNWIND $keys AS key
MATCH (x:LinkProposal {key: key})
RETURN key, x {.*} AS item
