// Which of the given claim keys exist (targets of relations into other articles).
MATCH (c:Claim)
WHERE c.key IN $keys
RETURN c.key AS key
