/**
 * What every command line of the project shares, so they all behave alike:
 *
 * - exit codes: 0 done, 1 the work failed (bad input data, a rejected document, the database),
 *   2 the command line is wrong (unknown option, bad value, a file that is not there);
 * - `--help` / `-h` prints the usage on stdout and exits 0 before anything else happens (no
 *   configuration read, no database started);
 * - arguments and input files are checked before any database work, and each problem is one line
 *   on stderr that names the argument or the file;
 * - long work reports progress on stderr (count, rate, ETA), only when stderr is a terminal.
 *
 * Commands are written as `runCommand(spec, async ({ values, positionals }) => exitCode)`.
 */
import { readFileSync, statSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';

export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A problem with the command line itself: printed with the usage, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** A failure the user can act on, reported as one line without a stack trace: exit code 1. */
export class CommandError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CommandError';
  }
}

type Options = NonNullable<ParseArgsConfig['options']>;

export interface CommandSpec<O extends Options> {
  /** How the user invokes it, e.g. `npm run ingest --`. */
  name: string;
  /** The synopsis after the name, e.g. `<document.json> [more.json ...]`. */
  synopsis: string;
  /** One or two sentences: what the command does. */
  description: string;
  /** Options (without help, which every command gets), each with a line of help. */
  options: O;
  /** Help per option name, shown beside it. */
  optionHelp?: Partial<Record<keyof O & string, string>>;
  /** Whether positional arguments are allowed (default true). */
  allowPositionals?: boolean;
  /** Extra lines after the options (examples, environment). */
  epilogue?: string;
}

export function usageLine(spec: Pick<CommandSpec<Options>, 'name' | 'synopsis'>): string {
  return `usage: ${spec.name} ${spec.synopsis}`.trimEnd();
}

/** The full `--help` text. */
export function helpText<O extends Options>(spec: CommandSpec<O>): string {
  const lines = [usageLine(spec), '', spec.description, ''];
  const entries = Object.entries(spec.options).map(([name, option]) => {
    const flag = `${option.short ? `-${option.short}, ` : '    '}--${name}${option.type === 'string' ? ' <value>' : ''}`;
    return [flag, spec.optionHelp?.[name as keyof O & string] ?? ''] as const;
  });
  entries.push(['-h, --help', 'show this help and exit']);
  const width = Math.max(...entries.map(([flag]) => flag.length)) + 2;
  lines.push('options:');
  for (const [flag, help] of entries) lines.push(`  ${flag.padEnd(width)}${help}`.trimEnd());
  if (spec.epilogue) lines.push('', spec.epilogue.trimEnd());
  lines.push('', 'exit status: 0 done, 1 the work failed, 2 wrong command line');
  return `${lines.join('\n')}\n`;
}

export interface Parsed<O extends Options> {
  values: ReturnType<typeof parseArgs<{ options: O; allowPositionals: true; strict: true }>>['values'];
  positionals: string[];
}

/**
 * node:util parseArgs with the project's conventions: strict, Node's own parser errors turned
 * into UsageError (so `--dpeth 3` says which option is unknown, with exit code 2), and `help`
 * recognised. Returns undefined when help was asked for.
 */
export function parseCommandLine<O extends Options>(
  spec: CommandSpec<O>,
  argv: string[],
): (Parsed<O> & { help: boolean }) | undefined {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: spec.allowPositionals ?? true,
      strict: true,
      options: { ...spec.options, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    // Node raises TypeError with an ERR_PARSE_ARGS_* code; its message already names the option.
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (code.startsWith('ERR_PARSE_ARGS')) throw new UsageError((error as Error).message);
    throw error;
  }
  const { help, ...values } = parsed.values as Record<string, unknown>;
  return { values: values as Parsed<O>['values'], positionals: parsed.positionals, help: help === true };
}

/**
 * Runs a command: parses its arguments, answers --help, and maps what happens to an exit code
 * (UsageError 2 with the usage line, CommandError 1 as one line, anything else 1 with its
 * message). Sets `process.exitCode` and lets pending output drain rather than exiting hard.
 */
export async function runCommand<O extends Options>(
  spec: CommandSpec<O>,
  body: (args: Parsed<O>) => Promise<number>,
  argv: string[] = process.argv.slice(2),
): Promise<number> {
  let code: number;
  try {
    const parsed = parseCommandLine(spec, argv);
    if (parsed?.help) {
      process.stdout.write(helpText(spec));
      code = EXIT.ok;
    } else {
      code = await body(parsed as Parsed<O>);
    }
  } catch (error) {
    code = reportError(spec, error);
  }
  process.exitCode = code;
  return code;
}

/** Prints an error the way every command does and returns its exit code. */
export function reportError(spec: Pick<CommandSpec<Options>, 'name' | 'synopsis'>, error: unknown): number {
  if (error instanceof UsageError) {
    process.stderr.write(`error: ${error.message}\n${usageLine(spec)}\n(--help for more)\n`);
    return EXIT.usage;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`error: ${message.split('\n').join('\n  ')}\n`);
  return EXIT.failure;
}

/** A whole number option, or undefined when absent; anything else is a UsageError naming it. */
export function wholeNumber(
  value: string | undefined,
  name: string,
  bounds: { min?: number; max?: number } = {},
): number | undefined {
  if (value === undefined) return undefined;
  const { min = 0, max = Number.MAX_SAFE_INTEGER } = bounds;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, got "${value}"`);
  }
  return Number(value);
}

/**
 * Checks that a path names a readable, non-empty regular file, before any database work.
 * A missing path is a UsageError (the command line is wrong); an empty file a CommandError.
 */
export function checkInputFile(file: string): void {
  let stat;
  try {
    stat = statSync(file);
  } catch {
    throw new UsageError(`${file}: no such file`);
  }
  if (!stat.isFile()) throw new UsageError(`${file}: not a file`);
  if (stat.size === 0) throw new CommandError(`${file}: the file is empty`);
}

/** Reads and parses a JSON file, failing with one line that names the file and the position. */
export function readJsonFile(file: string): unknown {
  checkInputFile(file);
  const text = readFileSync(file, 'utf8');
  if (text.trim() === '') throw new CommandError(`${file}: the file is empty`);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CommandError(`${file}: not valid JSON (${(error as Error).message})`);
  }
}

/**
 * Progress on stderr for long work: `label: 1,204 / 10,000 (12%), 345/s, ETA 26s`, redrawn in
 * place at most every `intervalMs`. Quiet when stderr is not a terminal (CI logs, redirects),
 * where a finished command's own summary line says enough.
 */
export class Progress {
  /** Units of work expected; unknown totals show count and rate only. */
  total: number | undefined;
  private done = 0;
  private readonly started: number;
  private lastDraw = 0;
  private readonly now: () => number;
  /** Whether anything is drawn (stderr is a terminal, unless forced). */
  readonly enabled: boolean;
  private readonly stream: NodeJS.WritableStream & { isTTY?: boolean };
  private readonly intervalMs: number;

  constructor(
    private readonly label: string,
    options: {
      total?: number;
      stream?: NodeJS.WritableStream & { isTTY?: boolean };
      /** Force on or off; default: whether the stream is a terminal. */
      enabled?: boolean;
      intervalMs?: number;
      now?: () => number;
    } = {},
  ) {
    this.stream = options.stream ?? process.stderr;
    this.enabled = options.enabled ?? this.stream.isTTY === true;
    this.intervalMs = options.intervalMs ?? 200;
    this.total = options.total;
    this.now = options.now ?? Date.now;
    this.started = this.now();
  }

  /** Counts `n` more units done and redraws when due. */
  tick(n = 1): void {
    this.done += n;
    if (!this.enabled) return;
    const now = this.now();
    if (now - this.lastDraw < this.intervalMs) return;
    this.lastDraw = now;
    this.stream.write(`\r${this.line(now)}\x1b[K`);
  }

  /** The status text, also used by tests. */
  line(now = this.now()): string {
    const seconds = Math.max((now - this.started) / 1000, 0.001);
    const rate = this.done / seconds;
    const count = this.done.toLocaleString('en');
    const parts = [`${this.label}: ${count}`];
    if (this.total !== undefined && this.total > 0) {
      parts[0] += ` / ${this.total.toLocaleString('en')} (${Math.floor((100 * this.done) / this.total)}%)`;
    }
    parts.push(`${formatRate(rate)}/s`);
    if (this.total !== undefined && rate > 0 && this.done < this.total) {
      parts.push(`ETA ${formatDuration((this.total - this.done) / rate)}`);
    } else {
      parts.push(`${formatDuration(seconds)} elapsed`);
    }
    return parts.join(', ');
  }

  /** Ends the progress line (a final redraw and a newline), when it was shown. */
  finish(): void {
    if (!this.enabled) return;
    this.stream.write(`\r${this.line()}\x1b[K\n`);
  }
}

function formatRate(rate: number): string {
  return rate >= 100 ? Math.round(rate).toLocaleString('en') : rate.toFixed(1);
}

export function formatDuration(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}
