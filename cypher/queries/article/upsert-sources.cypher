// Named sources are shared across articles; aliases accumulate, never shrink.
UNWIND $sources AS row
MERGE (s:Source {key: row.key})
SET s += row.props,
    s.aliases = reduce(acc = coalesce(s.aliases, []), x IN row.aliases | CASE WHEN x IN acc THEN acc ELSE acc + x END),
    s.nameKeys = reduce(acc = coalesce(s.nameKeys, []), x IN row.nameKeys | CASE WHEN x IN acc THEN acc ELSE acc + x END),
    s.reliabilityOverride = coalesce(row.reliabilityOverride, s.reliabilityOverride),
    s.reliabilityReason = coalesce(row.reliabilityReason, s.reliabilityReason)
SET s.aliasText = reduce(t = '', x IN s.aliases | t + ' ' + x)
WITH s, row
MATCH (article:Article {key: row.articleKey})
MERGE (article)-[:MENTIONS]->(s)
