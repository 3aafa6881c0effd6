// Named actors and sources whose name or an alias has the slug $nameKey (a filter given by name).
// Unnamed sources are never matched by a name: "officials" is not an identity.
CALL () {
  MATCH (a:Actor)
  WHERE $nameKey IN a.nameKeys
  RETURN a.key AS key
  UNION
  MATCH (s:Source)
  WHERE $nameKey IN s.nameKeys AND NOT coalesce(s.anonymous, false)
  RETURN s.key AS key
}
RETURN collect(key) AS keys
