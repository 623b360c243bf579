/** Thin dispatcher for the compiler worker: messages in, service calls, replies and status events out. */
import { COMPILER_STATUS_EVENT } from '../protocol';
import { dispatch, postEvent, type Port } from '../runtime/dispatcher';
import { wasmBrotliDecoder } from './brotli-wasm';
import { browserArtifactSource } from './browser-source';
import { prepareSystemHeaders } from './compile';
import { headerTree } from './headers';
import { createClangLoader } from './load';
import { resourceHeaders } from './resource-headers';
import { createCompilerService, progressStatus } from './service';

const port = self as unknown as Port & { addEventListener(type: 'message', fn: (e: MessageEvent) => void): void };
const loader = createClangLoader(browserArtifactSource({ baseUrl: `${import.meta.env.BASE_URL}clang/` }), {
  onProgress: (p) => postEvent(port, COMPILER_STATUS_EVENT, progressStatus(p)),
  decoder: wasmBrotliDecoder,
});
const service = createCompilerService({
  load: () => loader.load(),
  headers: () => prepareSystemHeaders(headerTree, resourceHeaders),
  onStatus: (status) => postEvent(port, COMPILER_STATUS_EVENT, status),
});
port.addEventListener('message', (event) => {
  void dispatch(service.handlers, port, event.data);
});
void service.start();
