// The per-file table of docs/mutation-testing.md, from the JSON reports of the mutation groups
// (stryker.config.mjs writes reports/mutation/GROUP.json). Score as Stryker computes it:
// detected (killed, timed out) over valid mutants (detected, survived, no coverage); ignored
// (static) and compile-error mutants are counted but not scored. Usage: node scripts/mutation-scores.mjs
import { existsSync, readFileSync } from 'node:fs';
import { GROUPS } from '../stryker.config.mjs';

const rows = [];
const total = { killed: 0, timeout: 0, survived: 0, noCoverage: 0, ignored: 0 };
for (const group of Object.keys(GROUPS)) {
  const file = `reports/mutation/${group}.json`;
  if (!existsSync(file)) {
    rows.push(`| ${GROUPS[group].join(', ')} | not run | | | | | |`);
    continue;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  for (const [name, result] of Object.entries(report.files).sort()) {
    const n = { killed: 0, timeout: 0, survived: 0, noCoverage: 0, ignored: 0 };
    for (const m of result.mutants) {
      if (m.status === 'Killed') n.killed++;
      else if (m.status === 'Timeout') n.timeout++;
      else if (m.status === 'Survived') n.survived++;
      else if (m.status === 'NoCoverage') n.noCoverage++;
      else if (m.status === 'Ignored') n.ignored++;
    }
    for (const k of Object.keys(total)) total[k] += n[k];
    rows.push(line(name, n));
  }
}
console.log('| file | score | killed | timed out | survived | no coverage | ignored (static) |');
console.log('|---|---:|---:|---:|---:|---:|---:|');
for (const r of rows) console.log(r);
console.log(line('**all**', total));

function line(name, n) {
  const detected = n.killed + n.timeout;
  const valid = detected + n.survived + n.noCoverage;
  const score = valid === 0 ? 'n/a' : `${((100 * detected) / valid).toFixed(2)}%`;
  return `| ${name} | ${score} | ${n.killed} | ${n.timeout} | ${n.survived} | ${n.noCoverage} | ${n.ignored} |`;
}
