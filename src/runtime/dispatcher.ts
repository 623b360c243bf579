/**
 * Worker side: routes request messages to handlers typed from the same method map as the client,
 * and answers each with the request's seq. Errors thrown by a handler become error replies.
 */
import type { MethodMap, RequestOf, ResponseMessage, ResponseOf } from '../protocol';
import { isRequestMessage } from '../protocol';

export type Handlers<M extends MethodMap> = {
  readonly [K in keyof M]: (params: RequestOf<M, K>) => ResponseOf<M, K> | Promise<ResponseOf<M, K>>;
};

export interface Port {
  postMessage(message: unknown, transfer?: Transferable[]): void;
}

/** Handles one incoming message; resolves when the reply has been posted. */
export async function dispatch<M extends MethodMap>(handlers: Handlers<M>, port: Port, data: unknown): Promise<void> {
  if (!isRequestMessage(data)) return;
  const handler = (handlers as Record<string, ((p: unknown) => unknown) | undefined>)[data.method];
  let reply: ResponseMessage;
  if (handler === undefined) {
    reply = { type: 'response', seq: data.seq, ok: false, error: `unknown method "${data.method}"` };
  } else {
    try {
      reply = { type: 'response', seq: data.seq, ok: true, result: await handler(data.params) };
    } catch (e) {
      reply = { type: 'response', seq: data.seq, ok: false, error: e instanceof Error ? e.message : String(e) };
    }
  }
  port.postMessage(reply);
}

/** Posts an unsolicited event (progress, status) to the main thread. */
export function postEvent(port: Port, event: string, data: unknown): void {
  port.postMessage({ type: 'event', event, data });
}
