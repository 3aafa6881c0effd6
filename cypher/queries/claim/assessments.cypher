// Fact-check assessments of many claims, newest first.
UNWIND $keys AS key
MATCH (c:Claim {key: key})<-[:ASSESSES]-(a:Assessment)
WITH key, a
ORDER BY a.date DESC, a.recordedAt DESC
RETURN key, collect(a {.*}) AS items
