/** The loader's error type: what is wrong (`detail`) and where in the object (`where`). */
export class LoadError extends Error {
  constructor(
    readonly where: string,
    readonly detail: string,
  ) {
    super(`${where}: ${detail}`);
    this.name = 'LoadError';
  }
}
