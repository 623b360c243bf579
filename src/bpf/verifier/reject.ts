/** A verification failure: the kernel's message (verbatim) and the instruction it was found at. */
export class Reject extends Error {
  constructor(
    readonly insn: number,
    readonly kernelMessage: string,
    /** Extra lines the kernel prints before the message (they go to the log, not the result). */
    readonly preamble: readonly string[] = [],
  ) {
    super(kernelMessage);
    this.name = 'Reject';
  }
}
