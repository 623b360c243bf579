import { describe, expect, it } from 'vitest';

import { listWorkloads, parseWorkload, WORKLOAD_PRESETS, WorkloadError } from '../../src/bpf/kernel';

function problems(text: string): string[] {
  try {
    parseWorkload(text);
  } catch (e) {
    if (e instanceof WorkloadError) return e.problems.map((p) => `${p.line}: ${p.message}`);
    throw e;
  }
  return [];
}

describe('workload parser', () => {
  it('parses every statement form with times, sizes and counts', () => {
    const w = parseWorkload(`# comment
at 0ms: bash runs "ls /tmp"
after 1.5s: curl connects to 93.184.216.34:80 and sends 2 KiB
ping 10.0.0.2 three times
at 20us: dd writes 1 MiB to /dev/sda   # trailing comment
cat reads 512 bytes from /etc/passwd
nginx starts
10.0.0.2 pings us twice
wget connects to 1.2.3.4:443 with a retransmission
nginx exits with code 3
`);
    expect(w.statements.map((s) => [s.line, s.start.kind, s.start.ns, s.subject, s.action])).toEqual([
      [2, 'at', 0n, 'bash', { kind: 'run', argv: ['ls', '/tmp'] }],
      [3, 'after', 1_500_000_000n, 'curl', { kind: 'connect', ip: '93.184.216.34', port: 80, send: 2048, retransmit: false }], // prettier-ignore
      [4, 'after', 0n, 'ping', { kind: 'ping', ip: '10.0.0.2', count: 3 }],
      [5, 'at', 20_000n, 'dd', { kind: 'io', op: 'write', path: '/dev/sda', bytes: 1 << 20 }],
      [6, 'after', 0n, 'cat', { kind: 'io', op: 'read', path: '/etc/passwd', bytes: 512 }],
      [7, 'after', 0n, 'nginx', { kind: 'start' }],
      [8, 'after', 0n, '10.0.0.2', { kind: 'pinged', from: '10.0.0.2', count: 2 }],
      [9, 'after', 0n, 'wget', { kind: 'connect', ip: '1.2.3.4', port: 443, send: 0, retransmit: true }],
      [10, 'after', 0n, 'nginx', { kind: 'exit', code: 3 }],
    ]);
  });

  it('reports every bad line with its number and what was expected', () => {
    expect(
      problems(`bash runs ls
at 5 parsecs: bash runs "ls"
curl connects to 93.184.216.34 and sends 2 KiB
ping 10.0.0.300 3 times
dd writes lots to /dev/sda
a_process_name_too_long starts
bash dances`),
    ).toEqual([
      `1: expected a quoted command after 'runs', like "ls /tmp"`,
      `2: expected a time like '250ms', '1.5s' or '20us', found '5 parsecs'`,
      `3: expected IP:PORT like 93.184.216.34:80, found '93.184.216.34'`,
      `4: expected an IPv4 address like 10.0.0.2, found '10.0.0.300'`,
      `5: expected a size like '512 bytes', '2 KiB' or '1 MiB', found 'lots'`,
      `6: 'a_process_name_too_long' is not a process name (letters, digits, _ . -; at most 15 characters)`,
      expect.stringMatching(/^7: don't know what 'bash dances' means; statements look like e\.g\./),
    ]);
  });

  it('rejects an empty workload and a missing colon', () => {
    expect(problems('# nothing\n')).toEqual([expect.stringMatching(/^1: the workload is empty/)]);
    expect(problems('at 5ms bash runs "ls"')).toEqual([`1: expected 'at TIME: STATEMENT' with a colon`]);
  });

  it('lists the presets, all of which parse, including demo', () => {
    const list = listWorkloads();
    expect(list.map((p) => p.name)).toContain('demo');
    expect(list.length).toBe(WORKLOAD_PRESETS.length);
    for (const p of list) expect(p.statements).toBeGreaterThan(0);
  });
});
