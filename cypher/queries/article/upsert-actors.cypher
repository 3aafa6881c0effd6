// Actors are shared across articles and merged by canonical identity or alias (resolved before
// this runs); the first name seen stays canonical, every other name becomes an alias.
UNWIND $actors AS row
MERGE (a:Actor {key: row.key})
ON CREATE SET a.name = row.name, a.kind = row.kind
SET a.aliases = reduce(acc = coalesce(a.aliases, []), x IN row.aliases | CASE WHEN x IN acc OR x = a.name THEN acc ELSE acc + x END),
    a.nameKeys = reduce(acc = coalesce(a.nameKeys, []), x IN row.nameKeys | CASE WHEN x IN acc THEN acc ELSE acc + x END),
    a.title = coalesce(row.title, a.title),
    a.reliabilityOverride = coalesce(row.reliabilityOverride, a.reliabilityOverride),
    a.reliabilityReason = coalesce(row.reliabilityReason, a.reliabilityReason)
SET a.aliasText = reduce(t = '', x IN a.aliases | t + ' ' + x)
WITH a, row
MATCH (article:Article {key: row.articleKey})
MERGE (article)-[:MENTIONS]->(a)
