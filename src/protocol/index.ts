export * from './rpc';
export * from './compiler';
export * from './runtime';
export * from './traffic';
