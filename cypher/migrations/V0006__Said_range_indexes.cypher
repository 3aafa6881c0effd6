// When a claim was said, as the date filter and the SAID_AT orders read it (docs/grading.md,
// "Dates"): `saidAt` (V0002) is only the sort day of 0.1 and no longer serves the range filter,
// which compares `saidEarliest` and `saidLatest`. Range indexes on both let a narrow date range
// start from the index instead of every claim.
CREATE INDEX claim_said_earliest IF NOT EXISTS FOR (n:Claim) ON (n.saidEarliest);
CREATE INDEX claim_said_latest IF NOT EXISTS FOR (n:Claim) ON (n.saidLatest);
