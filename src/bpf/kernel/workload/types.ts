/** A parsed workload: timed statements about what processes do. See ../WORKLOADS.md for the format. */

export type Action =
  | { readonly kind: 'run'; readonly argv: readonly string[] }
  | { readonly kind: 'start' }
  | { readonly kind: 'exit'; readonly code: number }
  | { readonly kind: 'connect'; readonly ip: string; readonly port: number; readonly send: number; readonly retransmit: boolean } // prettier-ignore
  | { readonly kind: 'ping'; readonly ip: string; readonly count: number }
  | { readonly kind: 'pinged'; readonly from: string; readonly count: number }
  | { readonly kind: 'open'; readonly path: string }
  | { readonly kind: 'io'; readonly op: 'read' | 'write'; readonly path: string; readonly bytes: number };

export interface Statement {
  /** 1-based line in the workload text. */
  readonly line: number;
  readonly text: string;
  /** 'at': absolute time since the workload started; 'after': delay after the previous statement finished. */
  readonly start: { readonly kind: 'at' | 'after'; readonly ns: bigint };
  /** The process (comm) doing it; for 'pinged', the remote host. */
  readonly subject: string;
  readonly action: Action;
}

export interface Workload {
  readonly statements: readonly Statement[];
}

export interface WorkloadProblem {
  readonly line: number;
  readonly message: string;
}

export class WorkloadError extends Error {
  constructor(readonly problems: readonly WorkloadProblem[]) {
    super(problems.map((p) => `line ${p.line}: ${p.message}`).join('\n'));
    this.name = 'WorkloadError';
  }
}
