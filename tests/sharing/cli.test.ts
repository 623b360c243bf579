/** `ebpf-playground share` and `open` through the CLI's dispatcher. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { decodeShareLink } from '../../src/sharing';

async function cli(...argv: string[]): Promise<{ status: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const status = await main(argv, { out: (t) => void (out += `${t}\n`), err: (t) => void (err += `${t}\n`) });
  return { status, out, err };
}

const dir = mkdtempSync(join(tmpdir(), 'share-cli-'));
const prog = join(dir, 'drop.c');
writeFileSync(prog, '#include <linux/bpf.h>\nSEC("xdp") int drop(struct xdp_md *c) { return XDP_DROP; }\n');

describe('share and open', () => {
  it('share prints a link that open decodes to the same program and inputs', async () => {
    const shared = await cli('share', prog, '--type', 'xdp', '--section', 'xdp', '--packet', '0A0B0C', '--packet', '00', '-O1', '--unprivileged'); // prettier-ignore
    expect(shared.err).toBe('');
    expect(shared.status).toBe(0);
    const link = shared.out.trim();
    expect(link.startsWith('http://localhost:5173/#s=2.')).toBe(true);

    const opened = await cli('open', link, '--json');
    expect(opened.status).toBe(0);
    const { version, state } = JSON.parse(opened.out) as ReturnType<typeof decodeShareLink>;
    expect(version).toBe(2);
    expect(state.source).toContain('return XDP_DROP;');
    expect(state.program).toEqual({ section: 'xdp', type: 'xdp' });
    expect(state.compile.optLevel).toBe(1);
    expect(state.privileged).toBe(false);
    expect(state.inputs).toEqual({ kind: 'packets', packets: [{ hex: '0a0b0c' }, { hex: '00' }], selected: 0 });

    const text = await cli('open', link);
    expect(text.out).toContain('inputs: 2 packets\n  1. 3 bytes: 0a0b0c\n  2. 1 bytes: 00');
    expect((await cli('open', link, '--source')).out).toBe(`${state.source}\n`);
  });

  it('share takes an origin and attach inputs', async () => {
    const { out, status } = await cli('share', prog, '--origin', 'https://play.example/ebpf/', '--attach', 'xdp:eth0=drop', '--workload-preset', 'ping'); // prettier-ignore
    expect(status).toBe(0);
    expect(out.startsWith('https://play.example/ebpf/#s=2.')).toBe(true);
    expect(decodeShareLink(out).state.inputs).toEqual({ kind: 'attach', workload: { preset: 'ping' }, attachments: ['xdp:eth0=drop'] }); // prettier-ignore
  });

  it('share refuses bad options with usage errors and bad states with the codec message', async () => {
    expect((await cli('share', prog, '--type', 'nope')).status).toBe(2);
    expect((await cli('share', prog, '--packet', '00', '--attach', 'xdp:eth0')).status).toBe(2);
    const bad = await cli('share', prog, '--attach', 'uprobe:/bin/sh');
    expect(bad.status).toBe(1);
    expect(bad.err).toContain('state.inputs.attachments[0] must be TYPE:TARGET');
    const big = join(dir, 'big.c');
    let seed = 7;
    writeFileSync(big, Array.from({ length: 50_000 }, () => String.fromCharCode(97 + ((seed = (seed * 16807) % 2147483647) % 26))).join('')); // prettier-ignore
    const huge = await cli('share', big);
    expect(huge.status).toBe(1);
    expect(huge.err).toMatch(/browsers keep at most 32\.0 KiB/);
  });

  it('open fails with a clear message and a non-zero status', async () => {
    const text = await cli('open', 'http://localhost:5173/#s=2.AAAA');
    expect(text.status).toBe(1);
    expect(text.err).toMatch(/^error: The link /);
    const json = await cli('open', 'http://localhost:5173/#s=99.AAAA', '--json');
    expect(json.status).toBe(1);
    expect(JSON.parse(json.out)).toMatchObject({ kind: 'future-version' });
    expect((await cli('open')).status).toBe(2);
  });

  it('open does not pass terminal escape sequences from a link through', async () => {
    writeFileSync(prog, 'int x; // \x1b]0;pwned\x07 \x9b31m\r\n');
    const link = (await cli('share', prog)).out.trim();
    const text = await cli('open', link);
    // eslint-disable-next-line no-control-regex -- the test is about control characters
    const CONTROL = /[\x1b\x07\x9b\r]/;
    expect(text.out).not.toMatch(CONTROL);
    expect(text.out).toContain('\\u001b]0;pwned\\u0007 \\u009b31m\\u000d');
    expect((await cli('open', link, '--json')).out).not.toMatch(CONTROL);
    expect((await cli('open', link, '--source')).out).toBe('int x; // \\u001b]0;pwned\\u0007 \\u009b31m\r\n\n');
  });
});
