// Existing actors that any of the document's actors may be (by name or alias), for resolution.
UNWIND $nameKeys AS nameKey
MATCH (a:Actor)
WHERE nameKey IN a.nameKeys
RETURN DISTINCT a.key AS key, a.kind AS kind, a.nameKeys AS nameKeys
