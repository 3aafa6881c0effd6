// The places of a bulk batch, one row per key with the props of its last mention.
UNWIND $places AS row
MERGE (p:Place {key: row.key})
SET p += row.props
