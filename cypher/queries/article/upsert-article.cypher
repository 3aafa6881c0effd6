MERGE (a:Article {key: $article.key})
SET a += $article.props
