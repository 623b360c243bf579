export * from './types';
export * from './addr';
export * from './checksum';
export * from './build';
export * from './parse';
export * from './fields';
