/**
 * Main-thread side of a worker: typed calls from one method map, sequence numbers, stale-reply
 * dropping per channel, and a watchdog that terminates and restarts a worker that runs away.
 * Pure apart from the WorkerLike it is given, so Node tests drive it with an in-process worker.
 */
import type { MethodMap, Reply, RequestMessage, RequestOf, ResponseOf } from '../protocol';
import { isWorkerMessage } from '../protocol';

/** The part of the DOM Worker this client uses. */
export interface WorkerLike {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  terminate(): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  addEventListener(type: 'error', listener: (event: { message?: string }) => void): void;
}

export interface RestartInfo {
  readonly worker: string;
  readonly reason: string;
}

export interface WorkerClientOptions<M extends MethodMap> {
  /** For messages: "compiler", "runtime". */
  readonly name: string;
  readonly create: () => WorkerLike;
  /** Per-method watchdog in ms; a call running longer terminates and restarts the worker. */
  readonly timeoutMs: { readonly [K in keyof M]?: number };
  readonly onRestart?: (info: RestartInfo) => void;
  readonly onEvent?: (event: string, data: unknown) => void;
  /** Injected for tests. */
  readonly setTimer?: (fn: () => void, ms: number) => unknown;
  readonly clearTimer?: (handle: unknown) => void;
}

export interface CallOptions {
  /**
   * Calls on the same channel supersede each other: when a newer call is made, the older one
   * resolves as 'stale' as soon as its answer arrives (or immediately if superseded while queued).
   */
  readonly channel?: string;
  readonly transfer?: Transferable[];
}

interface Pending {
  readonly method: string;
  readonly channel: string | null;
  readonly resolve: (reply: Reply<unknown>) => void;
  readonly timer: unknown;
}

export class WorkerClient<M extends MethodMap> {
  private worker: WorkerLike | null = null;
  private seq = 0;
  private readonly pending = new Map<number, Pending>();
  /** Latest seq issued per channel. */
  private readonly latest = new Map<string, number>();
  private restarts = 0;
  private disposed = false;

  constructor(private readonly options: WorkerClientOptions<M>) {}

  /** How many times the watchdog or a crash replaced the worker. */
  get restartCount(): number {
    return this.restarts;
  }

  call<K extends keyof M & string>(
    method: K,
    params: RequestOf<M, K>,
    opts: CallOptions = {},
  ): Promise<Reply<ResponseOf<M, K>>> {
    if (this.disposed) return Promise.resolve({ status: 'error', message: `${this.options.name} worker was disposed` });
    const worker = this.ensureWorker();
    const seq = ++this.seq;
    const channel = opts.channel ?? null;
    if (channel !== null) this.latest.set(channel, seq);
    return new Promise((resolve) => {
      const ms = this.options.timeoutMs[method];
      const setTimer = this.options.setTimer ?? ((fn: () => void, t: number) => setTimeout(fn, t));
      const timer =
        ms === undefined
          ? null
          : setTimer(() => this.restart(`${method} ran longer than ${ms} ms and was stopped`), ms);
      this.pending.set(seq, { method, channel, resolve: resolve as (r: Reply<unknown>) => void, timer });
      const message: RequestMessage<M, K> = { type: 'request', seq, method, params };
      worker.postMessage(message, opts.transfer ?? []);
    });
  }

  /** Whether `seq`-style staleness applies: true when a newer call on the channel exists. */
  isLatest(channel: string, seq: number): boolean {
    return this.latest.get(channel) === seq;
  }

  dispose(): void {
    this.disposed = true;
    this.failAll('disposed');
    this.worker?.terminate();
    this.worker = null;
  }

  private ensureWorker(): WorkerLike {
    if (this.worker !== null) return this.worker;
    const worker = this.options.create();
    worker.addEventListener('message', (event) => {
      if (this.worker === worker) this.onMessage(event.data);
    });
    worker.addEventListener('error', (event) => {
      if (this.worker === worker)
        this.restart(`${this.options.name} worker crashed: ${event.message ?? 'unknown error'}`);
    });
    this.worker = worker;
    return worker;
  }

  private onMessage(data: unknown): void {
    if (!isWorkerMessage(data)) return;
    if (data.type === 'event') {
      this.options.onEvent?.(data.event, data.data);
      return;
    }
    const p = this.pending.get(data.seq);
    if (p === undefined) return; // answer to a call from before a restart
    this.pending.delete(data.seq);
    this.clear(p);
    if (p.channel !== null && this.latest.get(p.channel) !== data.seq) p.resolve({ status: 'stale' });
    else if (data.ok) p.resolve({ status: 'ok', value: data.result });
    else p.resolve({ status: 'error', message: data.error });
  }

  /** Terminates the worker, answers every pending call with 'restarted', and starts a fresh one lazily. */
  restart(reason: string): void {
    this.worker?.terminate();
    this.worker = null;
    this.restarts++;
    this.failAll(reason);
    this.options.onRestart?.({ worker: this.options.name, reason });
  }

  private failAll(reason: string): void {
    for (const p of this.pending.values()) {
      this.clear(p);
      p.resolve({ status: 'restarted', reason });
    }
    this.pending.clear();
  }

  private clear(p: Pending): void {
    if (p.timer !== null) (this.options.clearTimer ?? ((h: unknown) => clearTimeout(h as number)))(p.timer);
  }
}
