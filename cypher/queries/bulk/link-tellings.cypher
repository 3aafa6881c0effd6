// Who told each new telling of a bulk batch, to whom, in which article, and what it was quoted
// from (the next telling out). The tellings are new, so are their relationships: CREATE.
CALL () {
  UNWIND $toldByActor AS row
  MATCH (t:Telling {key: row.key}), (x:Actor {key: row.agentKey})
  CREATE (t)-[:TOLD_BY]->(x)
}
CALL () {
  UNWIND $toldBySource AS row
  MATCH (t:Telling {key: row.key}), (x:Source {key: row.agentKey})
  CREATE (t)-[:TOLD_BY]->(x)
}
CALL () {
  UNWIND $addressedToActor AS row
  MATCH (t:Telling {key: row.key}), (x:Actor {key: row.agentKey})
  CREATE (t)-[:ADDRESSED_TO]->(x)
}
CALL () {
  UNWIND $addressedToSource AS row
  MATCH (t:Telling {key: row.key}), (x:Source {key: row.agentKey})
  CREATE (t)-[:ADDRESSED_TO]->(x)
}
CALL () {
  UNWIND $inArticle AS row
  MATCH (t:Telling {key: row.key}), (a:Article {key: row.articleKey})
  CREATE (t)-[:IN_ARTICLE]->(a)
}
CALL () {
  UNWIND $quotations AS row
  MATCH (t:Telling {key: row.from}), (u:Telling {key: row.to})
  CREATE (t)-[:QUOTED_FROM]->(u)
}
