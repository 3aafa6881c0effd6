/**
 * A server (or any tool) run as a child process, as an operator runs it: its JSON log lines are
 * collected and can be waited for; `alive`/`gone` watch a process id.
 */
import type { ChildProcess } from 'node:child_process';
import { API_KEYS } from './api.js';
import { testServer } from './db.js';

export interface LogLine {
  msg?: string;
  [key: string]: unknown;
}

/** A child process whose JSON log lines are collected and can be waited for. */
export class Service {
  readonly lines: LogLine[] = [];
  readonly exited: Promise<{ code: number | null; signal: string | null }>;
  private waiters: { test: (l: LogLine) => boolean; resolve: (l: LogLine) => void }[] = [];
  text = '';

  constructor(readonly proc: ChildProcess) {
    proc.stdout!.setEncoding('utf8');
    proc.stderr!.setEncoding('utf8');
    let buffer = '';
    proc.stdout!.on('data', (chunk: string) => {
      this.text += chunk;
      buffer += chunk;
      let nl;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const raw = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        if (!raw.startsWith('{')) continue;
        const line = JSON.parse(raw) as LogLine;
        this.lines.push(line);
        this.waiters = this.waiters.filter((w) => (w.test(line) ? (w.resolve(line), false) : true));
      }
    });
    proc.stderr!.on('data', (chunk: string) => (this.text += chunk));
    this.exited = new Promise((resolve) => proc.once('exit', (code, signal) => resolve({ code, signal })));
  }

  waitFor(msg: string, timeoutMs: number, after = 0): Promise<LogLine> {
    const test = (l: LogLine) => l.msg === msg;
    const found = this.lines.slice(after).find(test);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new Error(`no "${msg}" log line within ${timeoutMs} ms; output:\n${this.text.slice(-3000)}`),
          ),
        timeoutMs,
      );
      void this.exited.then(({ code }) => {
        clearTimeout(timer);
        reject(new Error(`exited (${code}) before "${msg}"; output:\n${this.text.slice(-3000)}`));
      });
      this.waiters.push({
        test,
        resolve: (l) => {
          clearTimeout(timer);
          resolve(l);
        },
      });
    });
  }
}

export const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

export async function gone(pid: number, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (!alive(pid)) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return !alive(pid);
}

/**
 * The environment of an API server process on the tests' Neo4j, as `npm start` would run it:
 * loopback, a free port, no fixtures loaded, the tests' API keys; `extra` adds or overrides.
 */
export function apiServerEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const neo4j = testServer();
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    LOG_LEVEL: 'info',
    HOST: '127.0.0.1',
    PORT: '0',
    LOAD_FIXTURES: 'false',
    API_KEYS,
    NEO4J_URI: neo4j.uri,
    NEO4J_USERNAME: neo4j.username,
    NEO4J_PASSWORD: neo4j.password,
    NEO4J_DATABASE: neo4j.database,
    ...extra,
  };
}
