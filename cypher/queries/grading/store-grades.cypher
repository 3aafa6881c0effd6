// Writes only grades that changed (by hash), so regrading an unchanged graph sets nothing.
UNWIND $grades AS g
MATCH (c:Claim {key: g.key})
WITH c, g
WHERE NOT coalesce(c.gradeHash = g.hash, false)
SET c.credibility = g.credibility,
    c.confidence = g.confidence,
    c.gradeFactors = g.factors,
    c.independentOrigins = g.independentOrigins,
    c.circularReporting = g.circularReporting,
    c.originGroups = g.origins,
    c.gradeHash = g.hash,
    c.gradedAt = datetime()
RETURN count(c) AS changed
