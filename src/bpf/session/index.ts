/** Sessions: load -> maps -> verify -> run packets like BPF_PROG_TEST_RUN, with the `run --json` report shape. */
export * from './report';
export {
  createSession,
  SessionError,
  type Session,
  type SessionMap,
  type SessionOptions,
  type SimulatedClock,
} from './session';
export { createObjectMaps, MapSetupError } from './object-maps';
export { refusePacket } from './test-run-rules';
export { describeRetval, formatReport } from './format';
export { createAttachSession, runAttached, type AttachSession, type AttachSessionOptions } from './attach';
export * from './attach-report';
export { drainRecords, formatRecord, recordTypes, RECORD_ANCHOR_PREFIX, type OutputRecord } from './attach-records';
export * from './attach-plan';
