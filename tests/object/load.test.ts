/**
 * loadObject on every fixture: program splitting and linking checked against llvm-readelf/objdump
 * facts, plus per-fixture expectations (maps, global data, inner maps, sections, line info).
 */
import { describe, expect, it } from 'vitest';
import { decodeProgram } from '../../src/bpf/isa';
import {
  btfToJson,
  formatBtfValue,
  loadObject,
  objectNameFromPath,
  parseElf,
  SHF,
  STT,
  type BpfObject,
} from '../../src/bpf/object';
import { compileFixture, fixtureNames, hasClang, run, warnSkip } from './native';

const skip = warnSkip('loadObject on clang-19 fixtures', hasClang);
const load = (name: string): BpfObject => {
  const { path, bytes } = compileFixture(name);
  return loadObject(bytes, { name: objectNameFromPath(path) });
};

/** llvm-objdump -d -l: source line governing each (section, instruction index). */
function objdumpLines(path: string): Map<string, number> {
  const lines = new Map<string, number>();
  let section = '';
  let line = 0;
  for (const text of run('llvm-objdump-19', ['-d', '-l', '--no-show-raw-insn', path]).split('\n')) {
    const sec = /^Disassembly of section (.*):$/.exec(text);
    if (sec) [section, line] = [sec[1]!, 0];
    const src = /^; .*:(\d+)$/.exec(text);
    if (src) line = Number(src[1]);
    const insn = /^\s+(\d+):\t/.exec(text);
    if (insn) lines.set(`${section}:${insn[1]}`, line);
  }
  return lines;
}

describe.skipIf(skip)('loadObject structure', () => {
  for (const name of skip ? [] : fixtureNames()) {
    it(name, () => {
      const { path, bytes } = compileFixture(name);
      const object = loadObject(bytes);
      const elf = parseElf(bytes);
      // One program per global function in a non-.text executable section.
      const entries = elf.symbols.filter((s) => {
        const sec = elf.sections[s.sectionIndex];
        return s.type === STT.FUNC && sec && sec.name !== '.text' && (sec.flags & SHF.EXECINSTR) !== 0;
      });
      expect(object.programs.map((p) => p.name).sort()).toEqual(entries.map((s) => s.name).sort());
      const dwarf = objdumpLines(path);
      for (const p of object.programs) {
        const insns = decodeProgram(p.code); // jumps and calls all land on instructions
        expect(p.insnCount).toBe(p.code.length / 8);
        const starts = new Set(p.functions.map((f) => f.start));
        for (const i of insns) {
          if (i.opcode === 0x85 && i.src === 1) expect(starts.has(i.pc + i.imm + 1)).toBe(true);
          if (i.opcode === 0x18 && i.src === 4) expect(starts.has(i.pc + i.imm + 1)).toBe(true);
          if (i.opcode === 0x18 && (i.src === 5 || i.src === 6)) {
            const ref = p.mapReferences.find((r) => r.insn === i.pc)!;
            expect([i.imm, i.src, ref.kind === 'map' ? 0 : ref.offset]).toEqual([
              ref.mapIndex,
              ref.kind === 'map' ? 5 : 6,
              i.immHi,
            ]);
            expect(object.maps[i.imm]).toBeDefined();
          }
          if (i.opcode === 0x18) expect([0, 4, 5, 6]).toContain(i.src); // nothing left unrelocated
        }
        // Each function copy is its section's bytes except for patched imm fields (bytes 4..7 / 12..15).
        for (const f of p.functions) {
          const sym = elf.symbols.find((s) => s.name === f.name && s.type === STT.FUNC)!;
          const original = elf.sections[sym.sectionIndex]!.data.subarray(sym.value, sym.value + sym.size);
          const copy = p.code.subarray(f.start * 8, (f.start + f.insnCount) * 8);
          for (let b = 0; b < original.length; b++) {
            if (b % 8 < 4 && b % 8 !== 1) expect(copy[b]).toBe(original[b]);
            if (b % 8 === 1) expect(copy[b]! & 0xf).toBe(original[b]! & 0xf);
          }
          // BTF line info agrees with the DWARF line table at every statement record. (Column-0
          // records mark a function's declaration line, where DWARF points at the body instead.)
          for (const l of p.lineInfo.filter((x) => x.insn >= f.start && x.insn < f.start + f.insnCount)) {
            const sectionInsn = sym.value / 8 + l.insn - f.start;
            if (l.column !== 0)
              expect(l.line).toBe(dwarf.get(`${elf.sections[sym.sectionIndex]!.name}:${sectionInsn}`));
            expect(l.file).toMatch(/fixtures\/\w+\.c$/);
          }
        }
        expect(p.lineAt.length).toBe(p.insnCount);
        expect(p.lineAt.every((l) => l !== null)).toBe(true);
        expect(p.funcInfo.map((fi) => fi.insn)).toEqual(p.functions.map((f) => f.start));
        for (const fi of p.funcInfo) expect(object.btf!.type(fi.typeId).kind).toBe('func');
      }
    });
  }
});

describe.skipIf(skip)('loadObject details', () => {
  it('splits several programs in one section and gives each its own copy of subprograms', () => {
    const o = load('same_section');
    expect(o.programs.map((p) => [p.name, p.sectionName, p.insnCount])).toEqual([
      ['xdp_first', 'xdp', 10],
      ['xdp_second', 'xdp', 2],
      ['xdp_third', 'xdp', 10],
    ]);
    expect(o.programs[0]!.functions.map((f) => [f.name, f.start])).toEqual([
      ['xdp_first', 0],
      ['half', 7],
    ]);
    expect(o.programs[1]!.functions).toHaveLength(1);
  });

  it('appends subprograms depth-first in first-call order and relocates callbacks', () => {
    const o = load('subprograms');
    const layout = (n: string) => o.programs.find((p) => p.name === n)!.functions.map((f) => f.name);
    expect(layout('xdp_classify')).toEqual(['xdp_classify', 'classify', 'fold', 'mix']);
    expect(layout('socket_mix')).toEqual(['socket_mix', 'mix']);
    expect(layout('tc_loop')).toEqual(['tc_loop', 'add_index', 'fold', 'mix']);
    const tc = o.programs.find((p) => p.name === 'tc_loop')!;
    const callback = decodeProgram(tc.code).find((i) => i.opcode === 0x18 && i.src === 4)!;
    expect(callback.pc + callback.imm + 1).toBe(tc.functions[1]!.start);
    expect(tc.kind).toMatchObject({ progType: 'sched_cls', progTypeId: 3 });
  });

  it('turns global data into libbpf-style array maps with initial values', () => {
    const o = load('global_data');
    const summary = o.maps.map((m) => [m.name, m.kernelName, m.valueSize, m.flags, m.frozen]);
    expect(summary).toEqual([
      ['.rodata', 'global_d.rodata', 30, 0x480, true],
      ['.data', 'global_d.data', 8, 0x400, false],
      ['.data.custom', '.data.custom', 4, 0x400, false],
      ['.rodata.str1.1', '.rodata.str1.1', 24, 0x480, true],
      ['.bss', 'global_d.bss', 40, 0x400, false],
    ]);
    const text = (m: number) => String.fromCharCode(...o.maps[m]!.initialValue!).split('\0');
    expect(text(3)).toContain('small packet');
    expect(o.maps[4]!.initialValue).toEqual(new Uint8Array(40));
    expect(Array.from(o.maps[2]!.initialValue!)).toEqual([42, 0, 0, 0]);
    const refs = o.programs[0]!.mapReferences.filter((r) => r.kind === 'value');
    expect(refs.map((r) => o.maps[r.mapIndex]!.name)).toContain('.rodata.str1.1');
  });

  it('reads map-in-map templates and initial slots', () => {
    const o = load('map_in_map');
    const outer = o.maps.find((m) => m.name === 'outer_array')!;
    expect(outer.inner).toMatchObject({ typeName: 'array', keySize: 4, valueSize: 4, maxEntries: 8 });
    expect(outer.initialInnerMaps.map((s) => [s.slot, o.maps[s.mapIndex]!.name])).toEqual([
      [0, 'inner_a'],
      [2, 'inner_b'],
    ]);
    const hash = o.maps.find((m) => m.name === 'outer_hash')!;
    expect(hash.inner).toMatchObject({ typeName: 'hash', keySize: 8, valueSize: 2, maxEntries: 32 });
  });

  it('reads prog_array initialisers as program names by slot', () => {
    const o = load('tail_calls');
    const table = o.maps.find((m) => m.name === 'jump_table')!;
    expect(table.initialPrograms).toEqual([
      { slot: 1, program: 'first' },
      { slot: 5, program: 'second' },
    ]);
    expect(table.initialInnerMaps).toEqual([]);
  });

  it('reads key/value BTF types, flags, map_extra, pinning and numa_node', () => {
    const lpm = load('lpm_routes');
    const routes = lpm.maps[0]!;
    expect(lpm.btf!.typeName(routes.keyTypeId)).toBe('struct route_key');
    expect([routes.keySize, routes.valueSize, routes.flags]).toEqual([8, 12, 1]);
    expect(lpm.maps[2]).toMatchObject({ typeName: 'bloom_filter', keySize: 0, valueSize: 4, mapExtra: 3n });
    const misc = load('cgroup_and_more');
    expect(misc.maps.map((m) => [m.name, m.pinning, m.numaNode, m.flags])).toEqual([
      ['socks', 1, 0, 0],
      ['numa_map', 0, 0, 4],
    ]);
  });

  it('reads the legacy maps section, license and version', () => {
    const o = load('legacy_maps');
    expect(o.maps.map((m) => [m.name, m.origin, m.typeName, m.keySize, m.valueSize, m.maxEntries, m.flags])).toEqual([
      ['legacy_hash', 'legacy', 'hash', 4, 8, 128, 1],
      ['legacy_array', 'legacy', 'array', 4, 16, 10, 0],
    ]);
    expect([o.license, o.kernelVersion]).toEqual(['GPL', 0x060c00]);
    expect(load('tc_two_programs').license).toBe('Dual BSD/GPL');
  });

  it('classifies section names like libbpf', () => {
    const kinds = Object.fromEntries(load('cgroup_and_more').programs.map((p) => [p.name, p.kind]));
    expect(kinds.cg_ingress).toMatchObject({ progType: 'cgroup_skb', attachType: 'CGROUP_INET_INGRESS' });
    expect(kinds.cg_connect4).toMatchObject({ progType: 'cgroup_sock_addr', attachType: 'CGROUP_INET4_CONNECT' });
    expect(kinds.fentry_unlink).toMatchObject({ progType: 'tracing', attachTarget: 'do_unlinkat' });
    expect(kinds.lsm_open).toMatchObject({ progType: 'lsm', attachType: 'LSM_MAC', attachTarget: 'file_open' });
    expect(kinds.on_exec).toMatchObject({ progType: 'tracepoint', attachTarget: 'sched/sched_process_exec' });
    expect(kinds.on_readline).toMatchObject({ progType: 'kprobe', attachTarget: '/bin/bash:readline' });
    expect(kinds.tc_action!.progType).toBe('sched_act');
  });

  it('prints map keys and global data through BTF', () => {
    const o = load('btf_types');
    const key = new Uint8Array(48);
    key.set([10, 0, 0, 1, 10, 0, 0, 2, 0, 53, 0, 80, 17, 0b101, 0, 0, 5, 0, 0, 0, 1, 2, 3, 4, 0x64, 0x6e, 0x73]);
    key[32] = 1;
    expect(formatBtfValue(o.btf!, o.maps[0]!.keyTypeId, key)).toBe(
      '{ .src = 16777226, .dst = 33554442, .sport = 13568, .dport = 20480, .proto = 17, .syn = 1, .ack = 0, ' +
        '.rst = 1, .reserved = 0, .color = GREEN, .tag = { .as_u32 = 67305985, .bytes = [1, 2, 3, 4] }, ' +
        '.name = "dns", .big = BIG_ONE, .next = 0x0 }',
    );
    const g = load('global_data');
    const rodata = g.maps[0]!;
    expect(formatBtfValue(g.btf!, rodata.valueTypeId, rodata.initialValue!)).toBe(
      '{ .cfg = { .threshold = 100, .enabled = 1, .tag = "edge" }, .scale = 3, .greeting = "hello" }',
    );
    expect(btfToJson(g.btf!, g.maps[4]!.valueTypeId, g.maps[4]!.initialValue!)).toEqual({
      histogram: [0, 0, 0, 0, 0, 0, 0, 0],
      misses: 0,
    });
  });

  it('maps instructions to source lines', () => {
    const p = load('xdp_counter').programs[0]!;
    const lines = p.lineAt.map((l) => l!.source.trim());
    expect(lines[0]).toBe('void *data_end = (void *)(long)ctx->data_end;');
    expect(lines).toContain('packets_seen++;');
    expect(lines[p.insnCount - 1]).toBe('}');
    expect(p.lineAt[p.insnCount - 1]!.line).toBeGreaterThan(p.lineAt[0]!.line);
  });
});
