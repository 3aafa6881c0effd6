// Preloaded with `node --import ./tests/support/module-log.mjs` by tests that must prove a module
// is (or is not) loaded: every resolved module whose URL matches MODULE_LOG_PATTERN is written
// to stderr as a "MODULE-LOADED <url>" line.
import { register } from 'node:module';

if (process.env.MODULE_LOG_PATTERN)
  register('./module-log-hooks.mjs', import.meta.url, { data: process.env.MODULE_LOG_PATTERN });
