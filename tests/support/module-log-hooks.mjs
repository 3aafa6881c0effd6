// Module hooks of module-log.mjs. They run on the loader thread: write to the stderr file
// descriptor directly, synchronously, so no line is lost when the process exits.
import { writeSync } from 'node:fs';

let pattern;

export function initialize(data) {
  pattern = new RegExp(data);
}

export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  if (pattern.test(resolved.url)) writeSync(2, `MODULE-LOADED ${resolved.url}\n`);
  return resolved;
}
