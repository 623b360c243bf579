/** Assembly errors always name the source line (1-based) so editors can underline it. */
export class AsmError extends Error {
  constructor(
    readonly line: number,
    readonly detail: string,
  ) {
    super(`line ${line}: ${detail}`);
    this.name = 'AsmError';
  }
}
