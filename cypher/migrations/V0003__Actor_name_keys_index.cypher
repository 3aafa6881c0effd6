// Alias resolution at ingest looks actors up by any of their name keys (`nameKeys`, a list of
// slugs). Range and text indexes do not index list elements; a full-text index does, and with
// the keyword analyzer each slug is one exact, case-sensitive term (slugs are lower-case).
// Without it the lookup scans every Actor per name key (see BENCHMARKS.md, PROFILE).
CREATE FULLTEXT INDEX actor_name_keys IF NOT EXISTS FOR (n:Actor) ON EACH [n.nameKeys]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'keyword' } };
