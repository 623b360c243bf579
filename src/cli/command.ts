/** One CLI subcommand. `run` returns the process exit status; output goes through `io`. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

export interface CliCommand {
  readonly name: string;
  /** One line for `ebpf-playground help`. */
  readonly summary: string;
  /** Full usage text, shown for --help and on usage errors. */
  readonly usage: string;
  run(args: string[], io: CliIo): Promise<number>;
}

/** A usage problem: printed with the command's usage and exit status 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The value given after an option (`--packet HEX`); a missing one is a usage error. */
export function requireValue(value: string | undefined, flag: string): string {
  if (value === undefined) throw new UsageError(`${flag} needs a value`);
  return value;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
};
