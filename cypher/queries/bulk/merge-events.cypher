// The events of a bulk batch, one row per key with the props of its last mention.
UNWIND $events AS row
MERGE (e:Event {key: row.key})
SET e += row.props
