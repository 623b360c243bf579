/**
 * The verifier log. At level 1 the kernel keeps only the path that failed: when it abandons a
 * finished path it rewinds the log to where that path branched off. `mark`/`rewind` provide that.
 */
export class VerifierLog {
  private chunks: string[] = [];
  private length = 0;

  constructor(readonly level: 0 | 1 | 2) {}

  get enabled(): boolean {
    return this.level > 0;
  }

  print(text: string): void {
    if (this.level === 0) return;
    this.chunks.push(text);
    this.length += text.length;
  }

  mark(): number {
    return this.length;
  }

  rewind(pos: number): void {
    while (this.length > pos && this.chunks.length) {
      const last = this.chunks.pop()!;
      this.length -= last.length;
      if (this.length < pos) {
        this.chunks.push(last.slice(0, pos - this.length));
        this.length = pos;
      }
    }
  }

  /** Whether the log ends in a newline (the kernel appends `; state` to the insn line when it does). */
  endsWithNewline(): boolean {
    const last = this.chunks[this.chunks.length - 1];
    return last !== undefined && last.endsWith('\n');
  }

  text(): string {
    return this.chunks.join('');
  }
}
