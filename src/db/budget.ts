/**
 * The response budget: how many database values one unit of work (a GraphQL request) may fetch.
 * The cost guard (src/query-cost.ts) prices a query before it runs, but lists without a size
 * argument are only estimated; this budget is charged as rows arrive, so a mispriced query stops
 * with QUERY_TOO_EXPENSIVE instead of growing the process until it dies. Once spent, every
 * further statement of the request is refused before it is sent.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { ResponseBudgetExceededError } from './errors.js';

export class ResponseBudget {
  spent = 0;
  exceeded = false;
  constructor(readonly max: number) {}
}

const budgets = new AsyncLocalStorage<ResponseBudget>();

/** Runs `fn` with `budget` charged by every statement inside it. */
export function withResponseBudget<T>(budget: ResponseBudget, fn: () => T): T {
  return budgets.run(budget, fn);
}

/** Throws when the current request has already spent its budget (called before a statement). */
export function assertBudgetLeft(): void {
  const budget = budgets.getStore();
  if (budget?.exceeded) throw new ResponseBudgetExceededError(budget.max);
}

/**
 * Charges the rows of one result: a row counts one, and each list in it counts its items (a
 * single row can carry a collected list of thousands).
 */
export function chargeRows(rows: readonly Record<string, unknown>[]): void {
  const budget = budgets.getStore();
  if (!budget) return;
  let n = rows.length;
  for (const row of rows) for (const v of Object.values(row)) if (Array.isArray(v)) n += v.length;
  budget.spent += n;
  if (budget.spent > budget.max) {
    budget.exceeded = true;
    throw new ResponseBudgetExceededError(budget.max);
  }
}
