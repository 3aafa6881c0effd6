// What each new article of a bulk batch names, once per article and node (deduplicated by the
// loader), and its publisher. The article is new, so its relationships are too: CREATE.
CALL () {
  UNWIND $sources AS row
  MATCH (a:Article {key: row.articleKey}), (x:Source {key: row.key})
  CREATE (a)-[:MENTIONS]->(x)
}
CALL () {
  UNWIND $actors AS row
  MATCH (a:Article {key: row.articleKey}), (x:Actor {key: row.key})
  CREATE (a)-[:MENTIONS]->(x)
}
CALL () {
  UNWIND $places AS row
  MATCH (a:Article {key: row.articleKey}), (x:Place {key: row.key})
  CREATE (a)-[:MENTIONS]->(x)
}
CALL () {
  UNWIND $events AS row
  MATCH (a:Article {key: row.articleKey}), (x:Event {key: row.key})
  CREATE (a)-[:MENTIONS]->(x)
}
CALL () {
  UNWIND $publishers AS row
  MATCH (a:Article {key: row.articleKey}), (x:Source {key: row.key})
  CREATE (a)-[:PUBLISHED_BY]->(x)
}
