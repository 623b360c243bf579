/**
 * An example's meta.json, read strictly (with the share-link validators) so that a typo in a
 * folder fails the examples test instead of showing a half-broken example in the gallery.
 */
import { defaultLayer, LAYER_FIELDS, PACKET_TEMPLATES } from '../bpf/inputs/packets/fields';
import type { Layer, LayerKind } from '../bpf/inputs/packets/types';
import { PROG_TYPE_NAMES, type ProgTypeName } from '../bpf/object/kinds';
import { WORKLOAD_PRESETS } from '../bpf/kernel/presets';
import { hex, invalid, list, oneOf, record, str } from '../sharing/check';
import { parseLayer } from '../sharing/layers';
import type { ShareMapSeed, ShareWorkload } from '../sharing/schema';

export const CATEGORIES = ['packets', 'tracing', 'verifier'] as const;
export type ExampleCategory = (typeof CATEGORIES)[number];

/** A packet for the example: a builder template, layers (unlisted fields take the builder's defaults) or hex. */
export type ExamplePacket = { readonly label: string } & (
  { readonly template: string } | { readonly layers: readonly Layer[] } | { readonly hex: string }
);

export type ExampleInputs =
  | { readonly kind: 'packets'; readonly packets: readonly ExamplePacket[] }
  | { readonly kind: 'attach'; readonly workload: ShareWorkload; readonly attachments: readonly string[] };

/** What the example must do; the golden test checks each stated expectation. */
export interface ExampleExpect {
  /** Packet examples: each run's verdict as the run report names it (XDP_DROP, TC_ACT_OK, keep 42 bytes). */
  readonly verdicts?: readonly string[];
  /** Packet examples: every output packet's IP/L4 checksums are correct. */
  readonly checksumsValid?: boolean;
  /** Verifier-failure examples: a piece of the verifier's message. */
  readonly verifierError?: string;
  /** Lines (or parts of lines) the output must contain: the hand-written check behind the golden. */
  readonly outputIncludes?: readonly string[];
  /** Why the example cannot run yet: the test checks that it still fails this way, and says so. */
  readonly pending?: string;
}

export interface ExampleMeta {
  readonly title: string;
  readonly summary: string;
  readonly category: ExampleCategory;
  readonly program: { readonly type: ProgTypeName; readonly section: string };
  readonly inputs: ExampleInputs;
  readonly mapSeeds: readonly ShareMapSeed[];
  readonly expect: ExampleExpect;
  /** Verifier-failure examples: what is wrong and how to fix it, in plain words. */
  readonly fix: string | null;
  /** A map to draw as a chart (log2 histogram: slot i counts values in [2^i, 2^(i+1))). */
  readonly chart: { readonly map: string; readonly kind: 'log2' } | null;
}

const TEXT = 2000;

function parsePacket(v: unknown, path: string): ExamplePacket {
  const o = record(v, path, ['label'], ['template', 'layers', 'hex']);
  const label = str(o.label, `${path}.label`, 200);
  const forms = ['template', 'layers', 'hex'].filter((k) => Object.hasOwn(o, k));
  if (forms.length !== 1) invalid(path, 'must have exactly one of "template", "layers", "hex"');
  if (Object.hasOwn(o, 'template'))
    return {
      label,
      template: oneOf(
        o.template,
        `${path}.template`,
        PACKET_TEMPLATES.map((t) => t.id),
      ),
    };
  if (Object.hasOwn(o, 'hex')) return { label, hex: hex(o.hex, `${path}.hex`, 9216) };
  const layers = list(o.layers, `${path}.layers`, 16, (l, at) => {
    const partial = record(l, at, ['kind'], Object.values(LAYER_FIELDS).flat().map((f) => f.key)); // prettier-ignore
    const kind = oneOf(partial.kind, `${at}.kind`, Object.keys(LAYER_FIELDS) as LayerKind[]);
    return parseLayer({ ...defaultLayer(kind), ...partial }, at);
  });
  return { label, layers };
}

function parseInputs(v: unknown, path: string): ExampleInputs {
  const o = record(v, path, ['kind'], ['packets', 'workload', 'attachments']);
  if (oneOf(o.kind, `${path}.kind`, ['packets', 'attach'] as const) === 'packets') {
    const p = record(v, path, ['kind', 'packets']);
    return { kind: 'packets', packets: list(p.packets, `${path}.packets`, 64, parsePacket) };
  }
  const a = record(v, path, ['kind', 'workload', 'attachments']);
  const w = record(a.workload, `${path}.workload`, [], ['preset', 'text']);
  const workload: ShareWorkload = Object.hasOwn(w, 'preset')
    ? {
        preset: oneOf(
          w.preset,
          `${path}.workload.preset`,
          WORKLOAD_PRESETS.map((p) => p.name),
        ),
      }
    : { text: str(w.text, `${path}.workload.text`, 64 * 1024) };
  return { kind: 'attach', workload, attachments: list(a.attachments, `${path}.attachments`, 16, (s, at) => str(s, at, 256)) }; // prettier-ignore
}

export function parseExampleMeta(v: unknown, where: string): ExampleMeta {
  const path = `${where} meta.json`;
  const o = record(v, path, ['title', 'summary', 'category', 'program', 'inputs', 'expect'], ['mapSeeds', 'fix', 'chart']); // prettier-ignore
  const program = record(o.program, `${path}.program`, ['type', 'section']);
  const e = record(o.expect, `${path}.expect`, [], ['verdicts', 'checksumsValid', 'verifierError', 'outputIncludes', 'pending']); // prettier-ignore
  const seeds = o.mapSeeds ?? [];
  const chart = o.chart === undefined ? null : record(o.chart, `${path}.chart`, ['map', 'kind']);
  const meta: ExampleMeta = {
    title: str(o.title, `${path}.title`, 80),
    summary: str(o.summary, `${path}.summary`, TEXT),
    category: oneOf(o.category, `${path}.category`, CATEGORIES),
    program: {
      type: oneOf(program.type, `${path}.program.type`, PROG_TYPE_NAMES),
      section: str(program.section, `${path}.program.section`, 256),
    },
    inputs: parseInputs(o.inputs, `${path}.inputs`),
    mapSeeds: list(seeds, `${path}.mapSeeds`, 256, (s, at) => {
      const m = record(s, at, ['map', 'key', 'value']);
      return { map: str(m.map, `${at}.map`, 64), key: hex(m.key, `${at}.key`, 4096), value: hex(m.value, `${at}.value`, 4096) }; // prettier-ignore
    }),
    expect: {
      ...(e.verdicts === undefined ? {} : { verdicts: list(e.verdicts, `${path}.expect.verdicts`, 64, (s, at) => str(s, at, 80)) }), // prettier-ignore
      ...(e.checksumsValid === undefined ? {} : { checksumsValid: e.checksumsValid === true }),
      ...(e.verifierError === undefined ? {} : { verifierError: str(e.verifierError, `${path}.expect.verifierError`, 500) }), // prettier-ignore
      ...(e.outputIncludes === undefined ? {} : { outputIncludes: list(e.outputIncludes, `${path}.expect.outputIncludes`, 64, (x, at) => str(x, at, 500)) }), // prettier-ignore
      ...(e.pending === undefined ? {} : { pending: str(e.pending, `${path}.expect.pending`, TEXT) }),
    },
    fix: o.fix === undefined ? null : str(o.fix, `${path}.fix`, TEXT),
    chart: chart === null ? null : { map: str(chart.map, `${path}.chart.map`, 64), kind: oneOf(chart.kind, `${path}.chart.kind`, ['log2'] as const) }, // prettier-ignore
  };
  if (meta.category === 'verifier' && (meta.fix === null || meta.expect.verifierError === undefined))
    invalid(path, 'is a verifier-failure example: it needs "fix" and "expect.verifierError"');
  if (
    meta.inputs.kind === 'packets' &&
    meta.expect.verdicts &&
    meta.expect.verdicts.length !== meta.inputs.packets.length
  )
    invalid(`${path}.expect.verdicts`, 'must have one verdict per packet');
  return meta;
}
