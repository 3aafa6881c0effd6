/** Helpers for writing one JSON document in pieces. */

/**
 * Writes the members of one JSON object or array across many chunks: `open` only once something
 * is written (so an empty section can be left out), commas between members, `close` at the end.
 */
export class JsonSection {
  private opened = false;

  constructor(
    private readonly open: string,
    private readonly close: string,
    /** Written instead of open + close when nothing was added; undefined leaves it out. */
    private readonly empty?: string,
  ) {}

  /** The text for these members (already-serialised JSON values or `"name":value` pairs). */
  add(members: readonly string[]): string {
    if (members.length === 0) return '';
    const head = this.opened ? ',' : this.open;
    this.opened = true;
    return head + members.join(',');
  }

  end(): string {
    if (this.opened) return this.close;
    return this.empty ?? '';
  }
}

export const member = (name: string, value: unknown): string =>
  `${JSON.stringify(name)}:${JSON.stringify(value)}`;
