/**
 * The benchmark programs: one per shape the issue names, taken from the differential suites so the
 * kernel has already agreed with us on their results. Adding one is adding an entry here.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readPacket, readProgram } from '../kernel-diff/corpus';
import { compileCorpusProgram } from '../kernel-diff/kernel-runner';
import { compileProgram, compileSource } from '../kernel/vm-kernel';
import { PACKETS } from '../kernel/vm-packets';

export interface BenchProgram {
  readonly name: string;
  readonly shape: string;
  /** Compiles with native clang-19 and returns the object's path. */
  readonly build: () => string;
  readonly packetName: string;
  readonly packet: Uint8Array;
}

const corpus = (name: string, shape: string, packetName: string): BenchProgram => ({
  name,
  shape,
  build: () =>
    compileCorpusProgram(readProgram(fileURLToPath(new URL(`../kernel-diff/corpus/${name}.c`, import.meta.url)))),
  packetName,
  packet: readPacket(packetName),
});

export const BENCH_PROGRAMS: readonly BenchProgram[] = [
  {
    name: 'xdp_parse',
    shape: 'parser (Ethernet/IPv4/UDP headers)',
    build: () => compileProgram('xdp_parse').objPath,
    packetName: 'ipv4-udp-dns',
    packet: PACKETS['ipv4-udp-dns']!,
  },
  corpus('xdp_hash_proto', 'map-heavy (hash lookup + update)', 'ipv4-udp'),
  corpus('xdp_lru_flows', 'map-heavy (LRU hash per flow)', 'ipv4-tcp'),
  {
    name: 'bench_loop',
    shape: 'loop-heavy (1024 iterations of mixing)',
    build: () =>
      compileSource('bench_loop', readFileSync(fileURLToPath(new URL('bench_loop.c', import.meta.url)), 'utf8'))
        .objPath,
    packetName: 'ipv4-udp-dns',
    packet: PACKETS['ipv4-udp-dns']!,
  },
  corpus('xdp_loop_sum', 'loop + map per byte (64 lookups)', 'ipv4-udp'),
  corpus('xdp_subprog', 'subprogram calls', 'ipv4-tcp'),
  corpus('tc_ttl_csum', 'checksum helper (l3_csum_replace, TC)', 'ipv4-tcp'),
  corpus('sock_ldabs', 'socket filter (LD_ABS)', 'ipv4-udp'),
];
