/** The header tree as bundled by Vite (index.ts) and as read from disk for Node (node-headers.ts). */
import { describe, expect, it } from 'vitest';

import { headerTree } from '../../src/compiler/headers';
import { HEADERS_MOUNT_DIR, loadHeaderTreeFromDisk } from '../../src/compiler/headers/node-headers';
import { makeHeaderTree } from '../../src/compiler/headers/paths';

const EXPECTED = [
  'asm/byteorder.h',
  'asm/types.h',
  'bpf/bpf_core_read.h',
  'bpf/bpf_endian.h',
  'bpf/bpf_helper_defs.h',
  'bpf/bpf_helpers.h',
  'bpf/bpf_tracing.h',
  'linux/bpf.h',
  'linux/icmp.h',
  'linux/icmpv6.h',
  'linux/if_ether.h',
  'linux/if_packet.h',
  'linux/in.h',
  'linux/in6.h',
  'linux/ip.h',
  'linux/ipv6.h',
  'linux/netdevice.h',
  'linux/pkt_cls.h',
  'linux/ptrace.h',
  'linux/skbuff.h',
  'linux/tcp.h',
  'linux/types.h',
  'linux/udp.h',
  'linux/version.h',
  'playground/kernel.h',
  'uapi/linux/bpf.h',
  'vmlinux.h',
];

describe('header tree', () => {
  it('bundles exactly the playground headers, keyed by include path and sorted', () => {
    expect([...headerTree.keys()]).toEqual(EXPECTED);
  });

  it('is the same whether loaded by Vite or from disk', () => {
    const disk = loadHeaderTreeFromDisk();
    expect([...disk.keys()]).toEqual([...headerTree.keys()]);
    for (const [path, text] of headerTree) expect(disk.get(path), path).toBe(text);
  });

  it('holds real header text', () => {
    for (const [path, text] of headerTree) {
      expect(text, path).toMatch(/^\/\* Playground /);
      // <uapi/linux/X.h> names the same header as <linux/X.h>, in the kernel tree's spelling.
      if (path.startsWith('uapi/')) expect(text, path).toContain(`#include <${path.slice('uapi/'.length)}>`);
      else expect(text.length, path).toBeGreaterThan(300);
    }
    expect(headerTree.get('linux/bpf.h')).toContain('struct xdp_md {');
  });

  it('mounts at an absolute path and rejects paths that could escape the root', () => {
    expect(HEADERS_MOUNT_DIR.startsWith('/')).toBe(true);
    expect(() => makeHeaderTree([['../etc/passwd.h', '']])).toThrow(/bad header path/);
    expect(() => makeHeaderTree([['linux//ip.h', '']])).toThrow(/bad header path/);
    expect([
      ...makeHeaderTree([
        ['b.h', ''],
        ['a/c.h', ''],
      ]).keys(),
    ]).toEqual(['a/c.h', 'b.h']);
  });
});
