// What the new claims of a bulk batch are about, each pair once (deduplicated by the loader).
CALL () {
  UNWIND $actors AS row
  MATCH (c:Claim {key: row.claimKey}), (x:Actor {key: row.key})
  CREATE (c)-[:REFERS_TO]->(x)
}
CALL () {
  UNWIND $places AS row
  MATCH (c:Claim {key: row.claimKey}), (x:Place {key: row.key})
  CREATE (c)-[:REFERS_TO]->(x)
}
CALL () {
  UNWIND $events AS row
  MATCH (c:Claim {key: row.claimKey}), (x:Event {key: row.key})
  CREATE (c)-[:REFERS_TO]->(x)
}
CALL () {
  UNWIND $sources AS row
  MATCH (c:Claim {key: row.claimKey}), (x:Source {key: row.key})
  CREATE (c)-[:REFERS_TO]->(x)
}
