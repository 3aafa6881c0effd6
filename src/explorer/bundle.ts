/**
 * The explorer's browser bundle. A production build (`npm run build`) writes it next to the
 * page as `app.js` (dist/explorer/client/), and the server reads it from there: no compiler at
 * run time. From the sources (`npm start`) there is no prebuilt file, so it is built with
 * esbuild (a dev dependency), in memory, once per process on the first request: the served code
 * can never drift from its source, and a build of Cytoscape.js plus our code takes well under a
 * second.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';

const clientDir = fileURLToPath(new URL('./client/', import.meta.url));

export interface Asset {
  body: string;
  contentType: string;
  /** Strong ETag of the body, so a reload revalidates instead of downloading again. */
  etag: string;
}

export type AssetName = 'index.html' | 'app.js' | 'app.css';

let assets: Promise<Map<AssetName, Asset>> | undefined;

/** The page, script and stylesheet; a failed build is retried on the next request. */
export function explorerAssets(): Promise<Map<AssetName, Asset>> {
  assets ??= buildAssets().catch((error: unknown) => {
    assets = undefined;
    throw error;
  });
  return assets;
}

/** The bundle's esbuild options, shared with the production build (scripts/build.ts). */
export const BUNDLE_OPTIONS = {
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  legalComments: 'none',
  logLevel: 'silent',
} as const;

async function bundleScript(): Promise<string> {
  const prebuilt = `${clientDir}app.js`;
  if (existsSync(prebuilt)) return readFile(prebuilt, 'utf8');
  // A variable specifier: the production build must not pull esbuild in.
  const compiler = 'esbuild';
  const { build } = (await import(compiler)) as typeof import('esbuild');
  const result = await build({ ...BUNDLE_OPTIONS, entryPoints: [`${clientDir}main.ts`], write: false });
  const script = result.outputFiles[0]?.text;
  if (script === undefined) throw new Error('esbuild produced no explorer bundle');
  return script;
}

async function buildAssets(): Promise<Map<AssetName, Asset>> {
  const script = await bundleScript();
  const [html, css] = await Promise.all([
    readFile(`${clientDir}index.html`, 'utf8'),
    readFile(`${clientDir}styles.css`, 'utf8'),
  ]);
  return new Map<AssetName, Asset>([
    ['index.html', asset(html, 'text/html; charset=utf-8')],
    ['app.js', asset(script, 'text/javascript; charset=utf-8')],
    ['app.css', asset(css, 'text/css; charset=utf-8')],
  ]);
}

function asset(body: string, contentType: string): Asset {
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  return { body, contentType, etag };
}
