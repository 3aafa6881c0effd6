/**
 * `npm run build`: the production build in dist/.
 *   1. tsc with tsconfig.build.json compiles src/ (the browser client excepted) to dist/.
 *   2. esbuild bundles the explorer's client into dist/explorer/client/app.js, beside a copy of
 *      its page and stylesheet, so the built server serves it without a compiler.
 * dist/ is emptied first so no file of a removed module survives. `node dist/server.js` then
 * needs only the production dependencies, the repository's data folders (cypher/, fixtures/,
 * data/) and dist/.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { BUNDLE_OPTIONS } from '../src/explorer/bundle.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const clientSrc = path.join(root, 'src', 'explorer', 'client');
const clientOut = path.join(dist, 'explorer', 'client');

const t0 = Date.now();
rmSync(dist, { recursive: true, force: true });
execFileSync(
  process.execPath,
  [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
mkdirSync(clientOut, { recursive: true });
await build({
  ...BUNDLE_OPTIONS,
  entryPoints: [path.join(clientSrc, 'main.ts')],
  outfile: path.join(clientOut, 'app.js'),
});
for (const file of ['index.html', 'styles.css'])
  copyFileSync(path.join(clientSrc, file), path.join(clientOut, file));
console.log(`built dist/ in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
