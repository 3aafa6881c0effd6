// The named sources of a bulk batch, one row per key, folded by the loader in document order
// (aliases and name keys accumulated, the last props, the last non-null override): the node that
// one article/upsert-sources row per mention would leave, in one MERGE each and without an Eager.
UNWIND $sources AS row
MERGE (s:Source {key: row.key})
SET s += row.props,
    s.aliases = reduce(acc = coalesce(s.aliases, []), x IN row.aliases | CASE WHEN x IN acc THEN acc ELSE acc + x END),
    s.nameKeys = reduce(acc = coalesce(s.nameKeys, []), x IN row.nameKeys | CASE WHEN x IN acc THEN acc ELSE acc + x END),
    s.reliabilityOverride = coalesce(row.reliabilityOverride, s.reliabilityOverride),
    s.reliabilityReason = coalesce(row.reliabilityReason, s.reliabilityReason)
SET s.aliasText = reduce(t = '', x IN s.aliases | t + ' ' + x)
