// Full-text over what was claimed with English stemming (Lucene's English analyser: Porter stems,
// possessives and stop words removed), for the matcher's candidate search only
// (cypher/queries/matching/candidates.cypher): "withdrawal" and "withdraw", "revived" and
// "reviving" meet, as they do in the matcher's scorer, so a pair the scorer links by word form is
// found in the graph. The search box keeps `claim_text` (the words as written).
// The properties are listed quote first: Neo4j refuses a second full-text index on the same label
// and properties in the same order whatever its analyser, and IF NOT EXISTS would then create
// nothing, silently. Created on an existing graph, the index is filled from the claims already there.
CREATE FULLTEXT INDEX claim_stems IF NOT EXISTS FOR (n:Claim) ON EACH [n.quote, n.text]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'english'}};
