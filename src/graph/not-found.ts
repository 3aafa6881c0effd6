/** Something a write names (an article, claim, source or actor) is not in the graph. */
export class NotFound extends Error {
  constructor(
    message: string,
    /** The key that was looked for. */
    readonly key: string,
  ) {
    super(message);
    this.name = 'NotFound';
  }
}
