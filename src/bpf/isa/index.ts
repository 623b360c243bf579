export * from './opcodes';
export * from './spec';
export * from './table';
export * from './lookup';
export * from './insn';
export * from './decode';
