/**
 * Program contexts against the kernel: for every field in our xdp_md and __sk_buff tables, a probe
 * program returns the field (pointers as offsets from data) and Linux's BPF_PROG_TEST_RUN must
 * agree with our interpreter on every test frame. Fields we leave out must be ones the kernel rejects.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { type CtxField, skbFieldsFor, testRun, XDP_MD_FIELDS } from '../../src/bpf/programs';
import { prepareProgram } from '../../src/bpf/vm';
import { cleanUp, compileSource, kernelUnavailableReason, KernelRejected, LoadedProgram } from './vm-kernel';
import { PACKETS } from './vm-packets';

const reason = kernelUnavailableReason();
if (reason) console.warn(`SKIPPING kernel context tests: ${reason}`);

interface Probe {
  readonly section: string;
  readonly struct: string;
}
const XDP: Probe = { section: 'xdp', struct: 'xdp_md' };
const SOCKET: Probe = { section: 'socket', struct: '__sk_buff' };
const TC: Probe = { section: 'tc', struct: '__sk_buff' };
const CGROUP: Probe = { section: 'cgroup_skb/ingress', struct: '__sk_buff' };

/** The C expression returning a field: pointers relative to data, 64-bit fields folded to 32. */
function expression(f: CtxField): string {
  if (f.pointer) return `(int)((long)ctx->${f.name} - (long)ctx->data)`;
  if (f.size === 8) return `(int)(ctx->${f.name} ^ (ctx->${f.name} >> 32))`;
  return `(int)ctx->${f.name}`;
}

const source = (p: Probe, expr: string) =>
  `#include "common.h"\nSEC("${p.section}") int probe(struct ${p.struct} *ctx) { return ${expr}; }\n`;

/** Kernel and interpreter results of one probe on every frame the kernel accepts. */
function compare(p: Probe, name: string, expr: string): void {
  const compiled = compileSource(`probe_${p.section}_${name.replace(/\W/g, '_')}`, source(p, expr));
  const loaded = new LoadedProgram(compiled);
  try {
    const program = prepareProgram(compiled.code);
    for (const [packetName, packet] of Object.entries(PACKETS)) {
      if (p.section !== 'xdp' && packet.length < 14) continue;
      const kernel = loaded.run(packet).retval;
      const ours = testRun(program, compiled.type, packet);
      expect({ packetName, value: ours.ok ? Number(ours.retval) : ours.fault.message }).toEqual({
        packetName,
        value: kernel,
      });
    }
  } finally {
    loaded.unload();
  }
}

describe.skipIf(reason !== null)('program contexts vs Linux test_run', () => {
  afterAll(cleanUp);
  const cases: [Probe, readonly CtxField[]][] = [
    [XDP, XDP_MD_FIELDS],
    [SOCKET, skbFieldsFor('socket_filter')],
    [TC, skbFieldsFor('tc')],
  ];
  for (const [probe, fields] of cases) {
    for (const f of fields) {
      if (f.name === 'data') continue; // data - data is trivially 0
      it(`${probe.section}: ${probe.struct}.${f.name}`, () => compare(probe, f.name, expression(f)));
    }
  }

  it('fields left out of the tables are rejected by the kernel', () => {
    const rejected = [
      [XDP, 'ctx->egress_ifindex'],
      [SOCKET, '(int)(long)ctx->data'],
      [SOCKET, 'ctx->tc_classid'],
      [SOCKET, 'ctx->family'],
      [TC, 'ctx->remote_port'],
      [CGROUP, 'ctx->tc_classid'],
      [CGROUP, '(int)(long)ctx->data_meta'],
      [CGROUP, 'ctx->wire_len'],
    ] as const;
    const cgroupFields = skbFieldsFor('cgroup_skb').map((f) => f.name);
    for (const name of ['tc_classid', 'data_meta', 'wire_len']) expect(cgroupFields).not.toContain(name);
    for (const [probe, expr] of rejected) {
      const compiled = compileSource(`rejected_${probe.section.replace(/\W/g, '_')}`, source(probe, expr));
      expect(() => new LoadedProgram(compiled).unload()).toThrow(KernelRejected);
    }
  });
});
