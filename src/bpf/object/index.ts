/**
 * BPF object loading, libbpf-style: ELF reader, BTF/BTF.ext, program and map extraction.
 * Start with loadObject (load.ts); BpfObject/BpfProgram (object-types.ts) and MapDefinition
 * (map-definition.ts) describe the result.
 */
export * from './elf';
export { LoadError } from './errors';
export { Btf, BtfError, MAX_RESOLVE_DEPTH } from './btf';
export * from './btf-types';
export * from './btf-ext';
export * from './kinds';
export * from './map-definition';
export * from './object-types';
export type { FuncInfo, LineInfo } from './line-info';
export type { MapReference } from './relocate';
export {
  BPF_PSEUDO_CALL,
  BPF_PSEUDO_FUNC,
  BPF_PSEUDO_MAP_FD,
  BPF_PSEUDO_MAP_IDX,
  BPF_PSEUDO_MAP_IDX_VALUE,
  BPF_PSEUDO_MAP_VALUE,
} from './relocate';
export { classifySection, type SectionKind } from './sections';
export { internalMapName } from './maps-elf';
export { loadObject, objectNameFromPath, type LoadOptions } from './load';
export { btfToJson, formatBtfValue, MAX_RENDERED_VALUES, type JsonValue } from './btf-format';
