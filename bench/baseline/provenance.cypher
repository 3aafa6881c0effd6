// The provenance of one claim, hand-written: the article and its publisher, the whole chain from
// the article's own telling (hop 0) out to the origin with each hop's agent and addressee, and
// the properties grading needs (agent kind, anonymity, reliability overrides; claim depth,
// anonymous links, status, confidence). One round trip, walking QUOTED_FROM as one path.
MATCH (c:Claim {key: $key})<-[:TELLS]-(t0:Telling {hop: 0})-[:IN_ARTICLE]->(article:Article)
MATCH path = (t0)-[:QUOTED_FROM*0..12]->(origin:Telling {isOrigin: true})
OPTIONAL MATCH (article)-[:PUBLISHED_BY]->(publisher:Source)
RETURN c {.key, .text, .quote, .kind, .status, .depth, .anonymousLinks, .outletAnalysis, .confidence, .saidAt} AS claim,
       article {.key, .title, .url, .publishedAt} AS article,
       publisher {.key, .name, .kind} AS publisher,
       [t IN nodes(path) | t {
         .hop, .role, .anonymous, .isOrigin, .timeStart, .evidenceStart, .evidenceEnd, .evidenceText,
         agent: [(t)-[:TOLD_BY]->(a) | a {.key, .name, .kind, .anonymous, .reliabilityOverride}][0],
         addressee: [(t)-[:ADDRESSED_TO]->(x) | x {.key, .name}][0]
       }] AS chain
