// Existing actors an extracted document may mean: known by one of the names, or (for people)
// by a surname. Feeds the extractor's resolution so drafts join existing nodes.
MATCH (a:Actor)
WHERE any(k IN a.nameKeys WHERE k IN $nameKeys)
   OR (a.kind = 'person' AND any(s IN $surnames WHERE toLower(a.name) ENDS WITH s))
RETURN a.key AS key, a.name AS name, a.kind AS kind, coalesce(a.aliases, []) AS aliases
ORDER BY a.key
