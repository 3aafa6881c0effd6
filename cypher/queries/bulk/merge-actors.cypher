// The actors of a bulk batch, one row per key, folded by the loader in document order: the first
// name and kind (kept on creation, as article/upsert-actors keeps them), aliases and name keys
// accumulated, the last non-null title and override.
UNWIND $actors AS row
MERGE (a:Actor {key: row.key})
ON CREATE SET a.name = row.name, a.kind = row.kind
SET a.aliases = reduce(acc = coalesce(a.aliases, []), x IN row.aliases | CASE WHEN x IN acc OR x = a.name THEN acc ELSE acc + x END),
    a.nameKeys = reduce(acc = coalesce(a.nameKeys, []), x IN row.nameKeys | CASE WHEN x IN acc THEN acc ELSE acc + x END),
    a.title = coalesce(row.title, a.title),
    a.reliabilityOverride = coalesce(row.reliabilityOverride, a.reliabilityOverride),
    a.reliabilityReason = coalesce(row.reliabilityReason, a.reliabilityReason)
SET a.aliasText = reduce(t = '', x IN a.aliases | t + ' ' + x)
