// Claim search also finds claims by who told them: agents' names, aliases, unnamed sources'
// descriptions ("a Syrian official") and actors' titles.
CREATE FULLTEXT INDEX agent_text IF NOT EXISTS FOR (n:Actor|Source) ON EACH [n.name, n.aliasText, n.description, n.title];
