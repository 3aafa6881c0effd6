// An article's stored document is kept in parts (src/domain/stored-document.ts): the Article's
// `document` becomes the frame (everything but the claims, their relations and the text), and
// each Claim gets its own part (`document`: the claim and the relations it declares) and its
// place (`documentIndex`), so an edit of one claim reads and writes that claim's part, not a
// document of megabytes. Cypher cannot parse JSON: the conversion of documents stored whole is
// the step registered for this version in src/db/migration-steps.ts, run after this file and
// before the version is recorded, one article per transaction. This file has no statement.
