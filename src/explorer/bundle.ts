/**
 * Builds the explorer's browser bundle with esbuild, in memory, once per process (on the first
 * request for it). Built rather than committed so the served code can never drift from its
 * source, and in memory so the server needs no writable folder; esbuild is already installed as
 * tsx's dependency, and a build of Cytoscape.js plus our code takes well under a second.
 */
import { build } from 'esbuild';
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

async function buildAssets(): Promise<Map<AssetName, Asset>> {
  const result = await build({
    entryPoints: [`${clientDir}main.ts`],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    write: false,
    logLevel: 'silent',
  });
  const script = result.outputFiles[0]?.text;
  if (script === undefined) throw new Error('esbuild produced no explorer bundle');
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
