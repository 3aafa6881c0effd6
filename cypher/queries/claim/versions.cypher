MATCH (c:Claim)
WHERE c.key IN $keys
RETURN c.key AS key, c.version AS version, c.status AS status
