/** Thin dispatcher: messages in, session calls, replies out. All logic lives in session.ts. */
import { CORE } from './core';
import { dispatch, type Port } from './dispatcher';
import { Session, runtimeHandlers } from './session';

const handlers = runtimeHandlers(new Session(CORE));
const port = self as unknown as Port & { addEventListener(type: 'message', fn: (e: MessageEvent) => void): void };
port.addEventListener('message', (event) => {
  void dispatch(handlers, port, event.data);
});
