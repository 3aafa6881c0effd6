// One row per article (one-by-one ingest sends one; the bulk loader many).
UNWIND $articles AS row
MERGE (a:Article {key: row.key})
SET a += row.props
