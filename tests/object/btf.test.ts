/** Btf.parse against `bpftool -j btf dump file`: every type of every fixture, field by field. */
import { describe, expect, it } from 'vitest';
import { Btf, parseElf, type BtfType } from '../../src/bpf/object';
import { compileFixture, fixtureNames, hasBpftool, hasClang, run, warnSkip } from './native';

type Json = Record<string, unknown>;

/** Our type in the shape bpftool prints. */
function asBpftool(btf: Btf, t: BtfType): Json {
  const name = t.name || '(anon)';
  const linkage = (l: number) => ['static', 'global', 'extern'][l] ?? String(l);
  switch (t.kind) {
    case 'int': {
      const encoding = t.signed ? 'SIGNED' : t.char ? 'CHAR' : t.bool ? 'BOOL' : '(none)';
      return { kind: 'INT', name, size: t.size, bits_offset: t.bitOffset, nr_bits: t.bits, encoding };
    }
    case 'ptr':
    case 'typedef':
    case 'volatile':
    case 'const':
    case 'restrict':
    case 'type_tag':
      return { kind: t.kind.toUpperCase(), name, type_id: t.type };
    case 'array':
      return { kind: 'ARRAY', name, type_id: t.type, index_type_id: t.indexType, nr_elems: t.count };
    case 'struct':
    case 'union':
      return {
        kind: t.kind.toUpperCase(),
        name,
        size: t.size,
        vlen: t.members.length,
        members: t.members.map((m) => ({
          name: m.name || '(anon)',
          type_id: m.type,
          bits_offset: m.bitOffset,
          ...(m.bitSize ? { bitfield_size: m.bitSize } : {}),
        })),
      };
    case 'enum': {
      const values = t.values.map((v) => ({
        name: v.name,
        val: Number(t.signed ? BigInt.asIntN(t.is64 ? 64 : 32, v.value) : v.value),
      }));
      const kind = t.is64 ? 'ENUM64' : 'ENUM';
      return { kind, name, encoding: t.signed ? 'SIGNED' : 'UNSIGNED', size: t.size, vlen: values.length, values };
    }
    case 'fwd':
      return { kind: 'FWD', name, fwd_kind: t.union ? 'union' : 'struct' };
    case 'func':
      return { kind: 'FUNC', name, type_id: t.type, linkage: linkage(t.linkage) };
    case 'func_proto':
      return {
        kind: 'FUNC_PROTO',
        name,
        ret_type_id: t.returnType,
        vlen: t.params.length,
        params: t.params.map((p) => ({ name: p.name || '(anon)', type_id: p.type })),
      };
    case 'var':
      return { kind: 'VAR', name, type_id: t.type, linkage: linkage(t.linkage) };
    case 'datasec':
      return {
        kind: 'DATASEC',
        name,
        size: t.size,
        vlen: t.vars.length,
        vars: t.vars.map((v) => ({ type_id: v.type, offset: v.offset, size: v.size })),
      };
    case 'float':
      return { kind: 'FLOAT', name, size: t.size };
    case 'decl_tag':
      return { kind: 'DECL_TAG', name, type_id: t.type, component_idx: t.componentIdx };
    default:
      return { kind: 'VOID' };
  }
}

const skip = warnSkip('BTF parser vs bpftool btf dump', hasClang && hasBpftool);

describe.skipIf(skip)('Btf.parse agrees with bpftool btf dump', () => {
  for (const name of skip ? [] : fixtureNames()) {
    it(name, () => {
      const { path, bytes } = compileFixture(name);
      const { types } = JSON.parse(run('bpftool', ['-j', 'btf', 'dump', 'file', path])) as { types: Json[] };
      const section = parseElf(bytes).sectionByName('.BTF')!;
      const btf = Btf.parse(section.data);
      expect(btf.types.length - 1).toBe(types.length);
      for (const want of types) {
        const { id, ...fields } = want as Json & { id: number };
        expect({ id, ...asBpftool(btf, btf.type(id)) }).toEqual({ id, ...fields });
      }
    });
  }
});
