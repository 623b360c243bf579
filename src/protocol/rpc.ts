/**
 * The message shapes every worker speaks. A worker's API is one map of method name → request and
 * response types; the client and the dispatcher are both typed from that one map.
 */

/** One worker's API: method name → { request, response }. */
export type MethodMap = { [method: string]: { request: unknown; response: unknown } };

export type RequestOf<M extends MethodMap, K extends keyof M> = M[K]['request'];
export type ResponseOf<M extends MethodMap, K extends keyof M> = M[K]['response'];

/** Main thread → worker. `seq` is unique per client and increases. */
export interface RequestMessage<M extends MethodMap = MethodMap, K extends keyof M & string = keyof M & string> {
  readonly type: 'request';
  readonly seq: number;
  readonly method: K;
  readonly params: RequestOf<M, K>;
}

/** Worker → main thread, answering the request with the same seq. */
export type ResponseMessage =
  | { readonly type: 'response'; readonly seq: number; readonly ok: true; readonly result: unknown }
  | { readonly type: 'response'; readonly seq: number; readonly ok: false; readonly error: string };

/** Worker → main thread without a request: progress of a download, a log line. */
export interface EventMessage {
  readonly type: 'event';
  readonly event: string;
  readonly data: unknown;
}

export type WorkerMessage = ResponseMessage | EventMessage;

/**
 * What a call resolves to on the main thread. Never a rejection: the UI handles each case.
 * - stale: a newer call on the same channel was made; this answer must not be shown.
 * - restarted: the watchdog (or a crash) replaced the worker while the call was pending.
 */
export type Reply<T> =
  | { readonly status: 'ok'; readonly value: T }
  | { readonly status: 'error'; readonly message: string }
  | { readonly status: 'stale' }
  | { readonly status: 'restarted'; readonly reason: string };

export const isRequestMessage = (m: unknown): m is RequestMessage =>
  typeof m === 'object' && m !== null && (m as { type?: unknown }).type === 'request';

export const isWorkerMessage = (m: unknown): m is WorkerMessage =>
  typeof m === 'object' &&
  m !== null &&
  ((m as { type?: unknown }).type === 'response' || (m as { type?: unknown }).type === 'event');
