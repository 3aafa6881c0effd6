UNWIND $keys AS key
MATCH (e:Event {key: key})
OPTIONAL MATCH (e)-[:AT]->(p:Place)
RETURN key, e {.*, placeKey: p.key, participantKeys: [(x)-[:PARTICIPATED_IN]->(e) | x.key]} AS item
