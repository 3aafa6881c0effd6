// The per-file table of docs/mutation-testing.md, from the JSON reports of the mutation runs
// (stryker.config.mjs writes reports/mutation/NAME.json, NAME a group or one file). Each file's
// figures come from the newest report that mutated it (a per-file run after a group run, or the
// other way round). Score as Stryker computes it: detected (killed, timed out) over valid mutants
// (detected, survived, no coverage); ignored (static) and compile-error mutants are counted but
// not scored. Usage: node scripts/mutation-scores.mjs
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { GROUPS } from '../stryker.config.mjs';

const dir = 'reports/mutation';
const reports = existsSync(dir)
  ? readdirSync(dir)
      .filter((f) => f.endsWith('.json') && !f.endsWith('.incremental.json'))
      .map((f) => path.join(dir, f))
      .sort((a, b) => statSync(a).mtimeMs - statSync(b).mtimeMs)
  : [];
/** File name -> { result, report, at }: later reports overwrite earlier ones. */
const newest = new Map();
for (const report of reports) {
  const at = statSync(report).mtime.toISOString().slice(0, 16).replace('T', ' ');
  for (const [name, result] of Object.entries(JSON.parse(readFileSync(report, 'utf8')).files)) {
    newest.set(name, { result, report: path.basename(report, '.json'), at });
  }
}

const rows = [];
const total = { killed: 0, timeout: 0, survived: 0, noCoverage: 0, ignored: 0 };
for (const name of Object.values(GROUPS).flat()) {
  const found = newest.get(name);
  if (!found) {
    rows.push(`| ${name} | not run | | | | | | |`);
    continue;
  }
  const n = { killed: 0, timeout: 0, survived: 0, noCoverage: 0, ignored: 0 };
  for (const m of found.result.mutants) {
    if (m.status === 'Killed') n.killed++;
    else if (m.status === 'Timeout') n.timeout++;
    else if (m.status === 'Survived') n.survived++;
    else if (m.status === 'NoCoverage') n.noCoverage++;
    else if (m.status === 'Ignored') n.ignored++;
  }
  for (const k of Object.keys(total)) total[k] += n[k];
  rows.push(line(name, n, `${found.report}, ${found.at} UTC`));
}
console.log('| file | score | killed | timed out | survived | no coverage | ignored (static) | run |');
console.log('|---|---:|---:|---:|---:|---:|---:|---|');
for (const r of rows) console.log(r);
console.log(line('**measured files**', total, ''));

function line(name, n, run) {
  const detected = n.killed + n.timeout;
  const valid = detected + n.survived + n.noCoverage;
  const score = valid === 0 ? 'n/a' : `${((100 * detected) / valid).toFixed(2)}%`;
  return `| ${name} | ${score} | ${n.killed} | ${n.timeout} | ${n.survived} | ${n.noCoverage} | ${n.ignored} | ${run} |`;
}
