/**
 * The gallery: example folders (NN-id/ with one .c file, meta.json and expected.txt) turned into
 * Example objects, plus what the page and the tests need from one: its packets as bytes and its
 * share state (opening an example is opening a link; there is only one way to restore a state).
 */
import { buildPacket } from '../bpf/inputs/packets/build';
import { PACKET_TEMPLATES } from '../bpf/inputs/packets/fields';
import { parseHex } from '../bpf/inputs/packets/addr';
import { defaultShareState, type SharePacket, type ShareState } from '../sharing/schema';
import { type ExampleMeta, type ExamplePacket, parseExampleMeta } from './meta';
import type { SeedSource } from './seeds';

export interface Example {
  /** Folder name without its order prefix: "drop-icmp". Used in share links; never renamed. */
  readonly id: string;
  /** The folder: "02-drop-icmp". */
  readonly folder: string;
  /** The C file's name ("drop_icmp.bpf.c"): the compile entry and what the editor tab shows. */
  readonly fileName: string;
  readonly source: string;
  readonly meta: ExampleMeta;
  /** The golden output (the CLI's text form of the run), or null before it was recorded. */
  readonly expected: string | null;
  /** Seed programs (tests/seeds): the verbatim file the page opens, and the headers it includes. */
  readonly seed?: SeedSource;
}

export interface ExampleFiles {
  readonly folder: string;
  /** File name → contents, for the files directly in the folder. */
  readonly files: ReadonlyMap<string, string>;
}

const FOLDER = /^(\d{2})-([a-z0-9][a-z0-9-]*)$/;

export function makeExample({ folder, files }: ExampleFiles): Example {
  const m = FOLDER.exec(folder);
  if (m === null) throw new Error(`examples/${folder}: folder names are NN-id (lowercase id with dashes)`);
  const sources = [...files.keys()].filter((f) => f.endsWith('.c'));
  if (sources.length !== 1) throw new Error(`examples/${folder}: needs exactly one .c file, has ${sources.length}`);
  const metaText = files.get('meta.json');
  if (metaText === undefined) throw new Error(`examples/${folder}: no meta.json`);
  return {
    id: m[2]!,
    folder,
    fileName: sources[0]!,
    source: files.get(sources[0]!)!,
    meta: parseExampleMeta(JSON.parse(metaText), `examples/${folder}`),
    expected: files.get('expected.txt') ?? null,
  };
}

/** Examples in folder order; ids must be unique (they are what links store). */
export function makeCatalogue(folders: readonly ExampleFiles[]): readonly Example[] {
  const examples = [...folders].sort((a, b) => a.folder.localeCompare(b.folder)).map(makeExample);
  const seen = new Set<string>();
  for (const e of examples) {
    if (seen.has(e.id)) throw new Error(`examples: two folders have the id '${e.id}'`);
    seen.add(e.id);
  }
  return examples;
}

function templateLayers(id: string): SharePacket {
  const t = PACKET_TEMPLATES.find((p) => p.id === id);
  if (t === undefined) throw new Error(`no packet template '${id}'`);
  return { layers: t.spec.layers };
}

/** The packet as a share link holds it (templates become their layers, so the builder can edit them). */
export function sharePacket(p: ExamplePacket): SharePacket {
  if ('template' in p) return templateLayers(p.template);
  if ('hex' in p) return { hex: p.hex };
  return { layers: p.layers };
}

export function packetOf(p: ExamplePacket): Uint8Array {
  const s = sharePacket(p);
  return 'hex' in s ? parseHex(s.hex) : buildPacket({ layers: [...s.layers] });
}

/** The state that opening the example restores (source, program, inputs, map pre-seeds, selection). */
export function exampleShareState(example: Example): ShareState {
  const base = defaultShareState(example.source);
  const { meta } = example;
  return {
    ...base,
    program: { section: meta.program.section, type: meta.program.type },
    inputs:
      meta.inputs.kind === 'packets'
        ? { kind: 'packets', packets: meta.inputs.packets.map(sharePacket), selected: 0 }
        : { kind: 'attach', workload: meta.inputs.workload, attachments: meta.inputs.attachments },
    mapSeeds: meta.mapSeeds,
    panels: {
      ...base.panels,
      active: {
        side: meta.category === 'verifier' ? 'verifier' : meta.mapSeeds.length > 0 || meta.chart ? 'maps' : 'inputs',
        bottom: meta.category === 'verifier' ? 'verifier' : 'trace',
      },
    },
    selection: { kind: 'example', id: example.id },
  };
}

export function findExample(examples: readonly Example[], id: string): Example | null {
  return examples.find((e) => e.id === id) ?? null;
}
