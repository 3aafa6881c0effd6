// Fails the CI run when any test was skipped (or left as todo): every guarantee's test must run in
// `npm test`. The one documented exception is the explorer's browser test on a machine without
// Chromium, and .ci/run installs Chromium first, so in CI that exception does not arise either.
// Reads the vitest JSON report given as the first argument.
import { existsSync, readFileSync } from 'node:fs';

const report = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const allowed = (file, test) =>
  !existsSync(chromium) &&
  /explorer\.int\.test\.ts$/.test(file) &&
  test.ancestorTitles[0] === 'the explorer page';

const skipped = [];
for (const file of report.testResults ?? []) {
  for (const test of file.assertionResults ?? []) {
    if (['skipped', 'pending', 'todo', 'disabled'].includes(test.status) && !allowed(file.name, test)) {
      skipped.push(`${file.name.replace(process.cwd() + '/', '')} > ${test.fullName}`);
    }
  }
}
const total = report.numTotalTests ?? 0;
console.log(
  `${report.numPassedTests} passed, ${report.numFailedTests} failed, ${(report.numPendingTests ?? 0) + (report.numTodoTests ?? 0)} skipped`,
);
if (total === 0) {
  console.error('no tests ran');
  process.exit(1);
}
if (skipped.length > 0) {
  console.error(`${skipped.length} test(s) skipped; every test must run in CI:`);
  for (const s of skipped) console.error(`  - ${s}`);
  process.exit(1);
}
