import { loadSplit } from './brat.js';
import { runPolnear, scoreArticles, polnearDir } from './polnear.js';
import { loadLexicon } from '../lexicon.js';
import { prf } from './score.js';
import path from 'node:path';
const split = process.argv[2] ?? 'dev';
const items = loadSplit(polnearDir(path.resolve('.')), split);
const t0 = Date.now();
const r = runPolnear(items, loadLexicon());
const s = scoreArticles(r);
for (const m of ['exact', 'overlap'] as const) for (const role of ['Source', 'Cue', 'Content'] as const) {
  const p = prf(s[m][role]); console.log(m, role, s[m][role], (p.precision*100).toFixed(1), (p.recall*100).toFixed(1), (p.f1*100).toFixed(1));
}
console.log('ms', Date.now() - t0);
