/**
 * XDP: struct xdp_md as BPF_PROG_TEST_RUN fills it (values checked against Linux 6.18 by
 * tests/kernel/vm-ctx.test.ts), and the setup of one run: the packet region and the context.
 */
import type { Vm } from '../vm';
import { type CtxField, type CtxTable, field, type FieldValues, structBytes, tableHandler } from './ctx-fields';

export const XDP_MD_SIZE = 24;

export const XDP_MD_FIELDS: readonly CtxField[] = [
  field('data', 0, 'start of the packet (the kernel turns this 32-bit field into a pointer)', { pointer: true }),
  field('data_end', 4, 'one past the last packet byte', { pointer: true }),
  field('data_meta', 8, 'start of the metadata area; equals data when there is none', { pointer: true }),
  field('ingress_ifindex', 12, 'receiving interface: 1 (lo) under test_run'),
  field('rx_queue_index', 16, 'receive queue: 0 under test_run'),
  // egress_ifindex (offset 20) is readable only by devmap programs; the kernel rejects it here.
];

/** XDP verdicts (enum xdp_action). */
export const XDP_ACTIONS = ['XDP_ABORTED', 'XDP_DROP', 'XDP_PASS', 'XDP_TX', 'XDP_REDIRECT'] as const;

export interface XdpOptions {
  readonly ingressIfindex?: number;
  readonly rxQueueIndex?: number;
}

export interface PacketContext {
  /** Address to pass in r1. */
  readonly ctx: bigint;
  /** Field values as the program sees them; read here, change them through table.set(). */
  readonly values: ReadonlyMap<string, bigint>;
  readonly table: CtxTable;
  /** The packet as the program left it. */
  packetOut(): Uint8Array;
}

/** xdp_md as test_run fills it for `length` packet bytes at guest address `data`. */
export function xdpValues(data: bigint, length: number, options: XdpOptions = {}): FieldValues {
  return new Map([
    ['data', data],
    ['data_end', data + BigInt(length)],
    ['data_meta', data],
    ['ingress_ifindex', BigInt(options.ingressIfindex ?? 1)],
    ['rx_queue_index', BigInt(options.rxQueueIndex ?? 0)],
  ]);
}

/** Maps a copy of `packet` and an xdp_md pointing at it into the VM's memory; sets r1. */
export function setupXdp(vm: Vm, packet: Uint8Array, options: XdpOptions = {}): PacketContext {
  const bytes = packet.slice();
  const data = vm.mem.map('packet', 'packet', bytes, true);
  const values = xdpValues(data, bytes.length, options);
  const image = structBytes(XDP_MD_SIZE, XDP_MD_FIELDS, values);
  const table = tableHandler('xdp_md', XDP_MD_FIELDS, values, image);
  const ctx = vm.mem.mapCtx('xdp_md', image, table);
  vm.setReg(1, ctx);
  return { ctx, values, table, packetOut: () => vm.mem.bytes[vm.mem.idOf(data)!]!.slice() };
}
