// The tellings of the new claims of a bulk batch (one per link of each chain), created outright.
UNWIND $tellings AS row
MATCH (c:Claim {key: row.claimKey})
CREATE (t:Telling {key: row.key})-[:TELLS]->(c)
SET t += row.props
