// Existing actors that any of the document's actors may be (by name or alias), for resolution.
// `nameKeys` is a list, which no range or text index can serve, so a plain MATCH scans every
// Actor once per name key (O(actors) per article). The keyword-analysed full-text index of
// V0003 indexes each list element as one exact term; the WHERE re-checks exact membership, so
// the result is the same set as the scan, found by index.
WITH [k IN $nameKeys | '"' + k + '"'] AS terms
WHERE size(terms) > 0
CALL db.index.fulltext.queryNodes('actor_name_keys', reduce(q = head(terms), t IN tail(terms) | q + ' OR ' + t))
YIELD node AS a
WHERE a:Actor AND any(k IN a.nameKeys WHERE k IN $nameKeys)
RETURN DISTINCT a.key AS key, a.kind AS kind, a.nameKeys AS nameKeys
