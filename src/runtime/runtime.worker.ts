/** Thin dispatcher: messages in, session calls, replies out. All logic lives in session.ts. */
import { CORE } from './core';
import { dispatch, postEvent, type Port } from './dispatcher';
import { Session, runtimeHandlers } from './session';

const port = self as unknown as Port & { addEventListener(type: 'message', fn: (e: MessageEvent) => void): void };
const handlers = runtimeHandlers(new Session(CORE), (event, data) => postEvent(port, event, data));
port.addEventListener('message', (event) => {
  void dispatch(handlers, port, event.data);
});
