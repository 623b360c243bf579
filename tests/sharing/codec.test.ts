import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'fflate';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { PanelId } from '../../src/ui/store/types';
import {
  buildShareLink,
  decodeShareLink,
  defaultShareState,
  encodeShareFragment,
  hasShareState,
  MAX_URL_CHARS,
  packetBytes,
  type SharePanelId,
  type ShareState,
} from '../../src/sharing';
import { encodeBase64url } from '../../src/sharing/base64url';
import { encodeVersionedFragment } from '../../src/sharing/codec';
import { crc32 } from '../../src/sharing/crc32';
import { migrateV1, type ShareStateV1 } from '../../src/sharing/v1';

const sample = (name: string): ShareState =>
  JSON.parse(readFileSync(join(import.meta.dirname, 'samples', `${name}.state.json`), 'utf8')) as ShareState;

/** The error a link gives, as [kind, message]. */
function failure(link: string): [string, string] {
  try {
    decodeShareLink(link);
  } catch (e) {
    const err = e as { name: string; kind: string; message: string };
    expect(err.name).toBe('ShareLinkError');
    return [err.kind, err.message];
  }
  throw new Error('the link decoded');
}

const link = (state: unknown, version = 2): string => `http://localhost:5173/#${encodeVersionedFragment(version, state)}`; // prettier-ignore

describe('share links round-trip', () => {
  it.each(['v2-packets', 'v2-attach', 'v2-preset'])('%s: decode(encode(state)) = state', (name) => {
    const state = sample(name);
    const url = buildShareLink(state, 'https://example.org/play/?embed#old');
    expect(url.startsWith('https://example.org/play/?embed#s=2.')).toBe(true);
    expect(decodeShareLink(url)).toEqual({ version: 2, state });
    // The page passes location.hash; the CLI may get the fragment alone.
    expect(decodeShareLink(`#${encodeShareFragment(state)}`).state).toEqual(state);
    expect(decodeShareLink(encodeShareFragment(state)).state).toEqual(state);
  });

  it('is deterministic, so the address bar does not change when nothing did', () => {
    const state = sample('v2-packets');
    expect(encodeShareFragment(state)).toBe(encodeShareFragment(JSON.parse(JSON.stringify(state)) as ShareState));
  });

  it('finds the state among other fragment parameters', () => {
    const frag = encodeShareFragment(defaultShareState('int x;'));
    expect(decodeShareLink(`http://h/#embed=1&${frag}&panels=trace`).state.source).toBe('int x;');
    expect(hasShareState(`http://h/#${frag}`)).toBe(true);
    expect(hasShareState('http://h/#embed=1')).toBe(false);
  });

  it('builds the bytes of layer and hex packets', () => {
    const packets = sample('v2-packets').inputs;
    if (packets.kind !== 'packets') throw new Error('sample changed');
    const vlan = packetBytes(packets.packets[0]!);
    expect(vlan.length).toBe(14 + 4 + 20 + 24 + 5);
    expect([vlan[12], vlan[13]]).toEqual([0x81, 0x00]);
    expect(packetBytes({ hex: '0a0b' })).toEqual(new Uint8Array([10, 11]));
  });
});

describe('format 1 migrates to format 2', () => {
  it('keeps every field format 1 had and defaults the rest', () => {
    const v1: ShareStateV1 = { source: 's', section: 'xdp', optLevel: 0, cpu: 'v1', privileged: false, packets: ['00ff'], hiddenPanels: ['maps'] }; // prettier-ignore
    const v2 = migrateV1(v1);
    expect(v2).toEqual({
      ...defaultShareState('s'),
      program: { section: 'xdp', type: null },
      compile: { optLevel: 0, cpu: 'v1', debugInfo: true, defines: [], warnings: [] },
      privileged: false,
      inputs: { kind: 'packets', packets: [{ hex: '00ff' }], selected: 0 },
      panels: { hidden: ['maps'], active: { side: 'inputs', bottom: 'trace' } },
    });
    expect(decodeShareLink(link(v1, 1))).toEqual({ version: 1, state: v2 });
  });

  it('reads format 1 strictly too', () => {
    const v1 = { source: 's', section: '', optLevel: 2, cpu: 'v3', privileged: true, packets: ['0'], hiddenPanels: [] };
    expect(failure(link(v1, 1))).toEqual(['invalid', "The link's data is not valid: state.packets[0] must be lowercase hex digits, two per byte."]); // prettier-ignore
    // A format-2 state is not a format-1 one.
    expect(failure(link(defaultShareState(''), 1))[0]).toBe('invalid');
  });
});

describe('bad links give a typed error with a clear message', () => {
  const good = buildShareLink(sample('v2-packets'));

  it('not a link', () => {
    expect(failure('http://localhost:5173/')).toEqual(['not-a-link', 'This is not a playground share link: it has no "#s=" part.']); // prettier-ignore
    expect(failure('http://localhost:5173/#s=abc')[0]).toBe('not-a-link');
  });

  it('future version', () => {
    const [kind, message] = failure(link(defaultShareState(''), 3));
    expect(kind).toBe('future-version');
    expect(message).toMatch(/newer version of the playground \(link format 3; this page reads formats 1, 2\)/);
  });

  it('version that never existed', () => {
    expect(failure(link(defaultShareState(''), 0))[0]).toBe('corrupt');
  });

  it('truncated at every length is refused, never decoded into something else', () => {
    const start = good.indexOf('.') + 1;
    for (let n = start; n < good.length; n++) {
      const [kind] = failure(good.slice(0, n));
      expect(['truncated', 'corrupt']).toContain(kind);
    }
    expect(failure(good.slice(0, -10))[0]).toBe('truncated');
  });

  it('a changed character is caught by the checksum', () => {
    const at = good.length - 30;
    const changed = good.slice(0, at) + (good[at] === 'A' ? 'B' : 'A') + good.slice(at + 1);
    expect(failure(changed)[0]).toBe('corrupt');
    expect(failure(`${good.slice(0, at)}%${good.slice(at + 1)}`)[0]).toBe('corrupt');
  });

  it('valid compression of something that is not the state', () => {
    const raw = new TextEncoder().encode('not json');
    const payload = new Uint8Array([...deflateSync(raw), 0, 0, 0, 0]);
    new DataView(payload.buffer).setUint32(payload.length - 4, crc32(raw));
    expect(failure(`#s=2.${encodeBase64url(payload)}`)).toEqual(['corrupt', 'The link is damaged: its data is not JSON.']); // prettier-ignore
  });

  it('a zip bomb stops at the expansion limit', () => {
    const raw = new TextEncoder().encode(`"${' '.repeat(4 * 1024 * 1024)}"`);
    const payload = new Uint8Array([...deflateSync(raw, { level: 9 }), 0, 0, 0, 0]);
    new DataView(payload.buffer).setUint32(payload.length - 4, crc32(raw));
    const bomb = `#s=2.${encodeBase64url(payload)}`;
    expect(bomb.length).toBeLessThan(MAX_URL_CHARS);
    expect(failure(bomb)[0]).toBe('oversized');
  });

  it('oversized states are refused when sharing and when opening', () => {
    // Random text does not compress: 40 KiB of it cannot fit in 32 KiB of link.
    let seed = 1;
    const noise = Array.from({ length: 40_000 }, () => String.fromCharCode(33 + ((seed = (seed * 48271) % 2147483647) % 90))).join(''); // prettier-ignore
    expect(() => buildShareLink(defaultShareState(noise))).toThrow(/would be 4\d\.\d KiB long, but browsers keep at most 32\.0 KiB/); // prettier-ignore
    expect(failure(`http://h/#s=2.${'A'.repeat(MAX_URL_CHARS)}`)[0]).toBe('oversized');
    // Compressible text of the same size shares fine.
    expect(decodeShareLink(buildShareLink(defaultShareState('x'.repeat(40_000)))).state.source).toHaveLength(40_000);
  });

  const invalid = (patch: (s: Record<string, unknown>) => void): [string, string] => {
    const state = JSON.parse(JSON.stringify(sample('v2-packets'))) as Record<string, unknown>;
    patch(state);
    return failure(link(state));
  };
  const inputs = (s: Record<string, unknown>) => s.inputs as Record<string, unknown> & { packets: Record<string, unknown>[] }; // prettier-ignore

  it.each<[string, (s: Record<string, unknown>) => void, string]>([
    ['wrong type', (s) => (s.source = 42), 'state.source must be a string, not a number'],
    ['unknown field', (s) => (s.script = '<img onerror=alert(1)>'), 'state has an unknown field "script"'],
    ['prototype key', (s) => Object.defineProperty(s, '__proto__', { value: {}, enumerable: true }), 'state has an unknown field "__proto__"'], // prettier-ignore
    ['missing field', (s) => delete s.privileged, 'state lacks the field "privileged"'],
    ['enum', (s) => ((s.panels as { hidden: string[] }).hidden = ['html']), 'state.panels.hidden[0] must be one of'],
    ['program type', (s) => ((s.program as { type: string }).type = 'xdp2'), 'state.program.type must be one of'],
    ['selected out of range', (s) => (inputs(s).selected = 5), 'state.inputs.selected must be between 0 and 4'],
    ['hex', (s) => (inputs(s).packets[4] = { hex: 'ABCD' }), 'state.inputs.packets[4].hex must be lowercase hex'],
    [
      'both packet forms',
      (s) => (inputs(s).packets[4] = { hex: '', layers: [] }),
      'must have either "hex" or "layers"',
    ],
    ['layer kind', (s) => (inputs(s).packets[0] = { layers: [{ kind: 'ipx' }] }), 'state.inputs.packets[0].layers[0].kind must be one of'], // prettier-ignore
    ['address', (s) => (inputs(s).packets[1] = { layers: [{ kind: 'ethernet', dst: 'nope', src: '02:00:00:00:00:01', etherType: null }] }), 'state.inputs.packets[1].layers[0].dst is not a valid MAC address'], // prettier-ignore
    ['field range', (s) => (inputs(s).packets[1] = { layers: [{ kind: 'vlan', pcp: 8, dei: 0, vid: 1, etherType: null }] }), 'state.inputs.packets[1].layers[0].pcp must be between 0 and 7'], // prettier-ignore
    ['flag smuggling', (s) => ((s.compile as { defines: string[] }).defines = ['X -o /etc/passwd\n-Xclang']), 'state.compile has a compile flag clang must not see'], // prettier-ignore
    ['attachment', (s) => (s.inputs = { kind: 'attach', workload: { preset: 'demo' }, attachments: ['uprobe:/bin/sh'] }), 'state.inputs.attachments[0] must be TYPE:TARGET'], // prettier-ignore
    ['workload preset', (s) => (s.inputs = { kind: 'attach', workload: { preset: 'nope' }, attachments: [] }), 'state.inputs.workload.preset must be one of'], // prettier-ignore
    ['selection id', (s) => (s.selection = { kind: 'example', id: '../x' }), 'state.selection.id must be lowercase letters'], // prettier-ignore
    ['too many packets', (s) => (inputs(s).packets = Array(65).fill({ hex: '' })), 'state.inputs.packets has more than 64 items'], // prettier-ignore
  ])('%s', (_, patch, message) => {
    const [kind, text] = invalid(patch);
    expect(kind).toBe('invalid');
    expect(text).toContain(message);
  });
});

describe('types', () => {
  it("the panel list is the page's", () => {
    expectTypeOf<SharePanelId>().toEqualTypeOf<PanelId>();
  });
});
