/** Writes src/db/query-names.ts from the files in cypher/queries (`npm run gen:queries`). */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { queryNamesOnDisk, renderQueryNames } from '../src/db/cypher.js';
import { repoRoot } from '../src/paths.js';

const names = queryNamesOnDisk();
writeFileSync(path.join(repoRoot, 'src', 'db', 'query-names.ts'), renderQueryNames(names));
console.log(`src/db/query-names.ts: ${names.length} queries`);
