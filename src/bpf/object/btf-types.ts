/**
 * BTF type model (Documentation/bpf/btf.rst, include/uapi/linux/btf.h). Type ids index
 * `Btf.types`; id 0 is `void`. Every referenced id is checked to exist when the BTF is parsed.
 */

export const BtfKind = {
  UNKN: 0,
  INT: 1,
  PTR: 2,
  ARRAY: 3,
  STRUCT: 4,
  UNION: 5,
  ENUM: 6,
  FWD: 7,
  TYPEDEF: 8,
  VOLATILE: 9,
  CONST: 10,
  RESTRICT: 11,
  FUNC: 12,
  FUNC_PROTO: 13,
  VAR: 14,
  DATASEC: 15,
  FLOAT: 16,
  DECL_TAG: 17,
  TYPE_TAG: 18,
  ENUM64: 19,
} as const;

/** INT encoding bits. */
export const BtfIntEncoding = { SIGNED: 1, CHAR: 2, BOOL: 4 } as const;

/** Linkage of FUNC (vlen) and VAR. */
export const BtfLinkage = { STATIC: 0, GLOBAL: 1, EXTERN: 2 } as const;

export interface BtfMember {
  readonly name: string;
  readonly type: number;
  /** Offset from the start of the struct, in bits. */
  readonly bitOffset: number;
  /** Width for bitfields, 0 for ordinary members. */
  readonly bitSize: number;
}

export interface BtfEnumValue {
  readonly name: string;
  /** ENUM values are stored sign-agnostic; ENUM64 values as full 64-bit. Interpretation per `signed`. */
  readonly value: bigint;
}

export interface BtfParam {
  readonly name: string;
  readonly type: number;
}

export interface BtfVarSecinfo {
  readonly type: number;
  readonly offset: number;
  readonly size: number;
}

interface Base {
  readonly id: number;
  /** Empty for anonymous types. */
  readonly name: string;
}

/** The type of id 0. */
export interface BtfVoid extends Base {
  readonly kind: 'void';
}
export interface BtfInt extends Base {
  readonly kind: 'int';
  readonly size: number;
  readonly signed: boolean;
  readonly char: boolean;
  readonly bool: boolean;
  readonly bitOffset: number;
  readonly bits: number;
}
export interface BtfFloat extends Base {
  readonly kind: 'float';
  readonly size: number;
}
/** PTR, TYPEDEF, VOLATILE, CONST, RESTRICT and TYPE_TAG: a reference to one other type. */
export interface BtfRef extends Base {
  readonly kind: 'ptr' | 'typedef' | 'volatile' | 'const' | 'restrict' | 'type_tag';
  readonly type: number;
}
export interface BtfArray extends Base {
  readonly kind: 'array';
  readonly type: number;
  readonly indexType: number;
  readonly count: number;
}
export interface BtfComposite extends Base {
  readonly kind: 'struct' | 'union';
  readonly size: number;
  readonly members: readonly BtfMember[];
}
export interface BtfEnum extends Base {
  /** 'enum' covers BTF_KIND_ENUM and BTF_KIND_ENUM64 (see `is64`). */
  readonly kind: 'enum';
  readonly size: number;
  readonly signed: boolean;
  readonly is64: boolean;
  readonly values: readonly BtfEnumValue[];
}
export interface BtfFwd extends Base {
  readonly kind: 'fwd';
  readonly union: boolean;
}
export interface BtfFunc extends Base {
  readonly kind: 'func';
  /** The FUNC_PROTO. */
  readonly type: number;
  readonly linkage: number;
}
export interface BtfFuncProto extends Base {
  readonly kind: 'func_proto';
  readonly returnType: number;
  /** A last param with type 0 and no name means "..." (variadic). */
  readonly params: readonly BtfParam[];
}
export interface BtfVar extends Base {
  readonly kind: 'var';
  readonly type: number;
  readonly linkage: number;
}
export interface BtfDatasec extends Base {
  readonly kind: 'datasec';
  /** As stored; clang leaves 0 in objects and libbpf fills in the ELF section size (see loadObject). */
  readonly size: number;
  readonly vars: readonly BtfVarSecinfo[];
}
export interface BtfDeclTag extends Base {
  readonly kind: 'decl_tag';
  readonly type: number;
  /** -1: the tag applies to `type` itself; otherwise the member/param index. */
  readonly componentIdx: number;
}

export type BtfType =
  | BtfVoid
  | BtfInt
  | BtfFloat
  | BtfRef
  | BtfArray
  | BtfComposite
  | BtfEnum
  | BtfFwd
  | BtfFunc
  | BtfFuncProto
  | BtfVar
  | BtfDatasec
  | BtfDeclTag;

/** Ids a type refers to, for validation and cycle checks. */
export function referencedIds(t: BtfType): number[] {
  switch (t.kind) {
    case 'ptr':
    case 'typedef':
    case 'volatile':
    case 'const':
    case 'restrict':
    case 'type_tag':
    case 'func':
    case 'var':
    case 'decl_tag':
      return [t.type];
    case 'array':
      return [t.type, t.indexType];
    case 'struct':
    case 'union':
      return t.members.map((m) => m.type);
    case 'func_proto':
      return [t.returnType, ...t.params.map((p) => p.type)];
    case 'datasec':
      return t.vars.map((v) => v.type);
    default:
      return [];
  }
}
