/**
 * The seed programs (tests/seeds) as gallery entries. A seed folder holds the program verbatim (a
 * BCC script or C), the files it includes, seed.json (the CLI's `run` arguments) and expected.txt.
 * The entry's editor text, attachments and workload are derived here from those files, the way the
 * CLI derives them: the .py through the BCC Python front, --attach and --workload(-preset) from
 * seed.json. Pure: the bundle (Vite glob) and Node (fs) both hand the files in.
 */
import { parseBccScript } from '../bpf/bcc';
import type { ShareWorkload } from '../sharing/schema';
import type { Example, ExampleFiles } from './catalogue';
import type { SeedSlot } from './seed-slots';

/** What opening a seed needs beyond the share state: the verbatim file and its includes. */
export interface SeedSource {
  /** The file the seed runs ("hello_world.py", "hello.bpf.c"). */
  readonly entry: string;
  readonly text: string;
  /** Every file of the folder by name, for BPF(src_file=…) and "quoted" includes. */
  readonly files: ReadonlyMap<string, string>;
  /** The headers the C includes with quotes (network.h), handed to the compiler beside it. */
  readonly includes: Readonly<Record<string, string>>;
}

interface SeedRun {
  readonly entry: string;
  readonly workload: ShareWorkload;
  readonly attachments: readonly string[];
}

/** seed.json's `run` arguments: the program, then --attach/--workload/--workload-preset. */
function parseRun(args: readonly string[], files: ReadonlyMap<string, string>, where: string): SeedRun {
  const [entry, ...rest] = args;
  if (entry === undefined || !files.has(entry)) throw new Error(`${where}: run must start with a file of the folder`);
  let workload: ShareWorkload | null = null;
  const attachments: string[] = [];
  for (let i = 0; i < rest.length; i += 2) {
    const [flag, value] = [rest[i], rest[i + 1]];
    if (value === undefined) throw new Error(`${where}: ${flag} needs a value`);
    if (flag === '--attach') attachments.push(value);
    else if (flag === '--workload-preset') workload = { preset: value };
    else if (flag === '--workload' && files.has(value)) workload = { text: files.get(value)! };
    else throw new Error(`${where}: cannot show "${flag} ${value}" in the page`);
  }
  if (workload === null) throw new Error(`${where}: run names no workload`);
  return { entry, workload, attachments };
}

/** The C the editor shows for the entry, and the attachments its script names (as the import makes them). */
function editorProgram(entry: string, text: string, files: ReadonlyMap<string, string>, where: string) {
  if (!entry.endsWith('.py')) return { source: text, attachments: [] };
  const script = parseBccScript(text);
  const c = script.text ?? (script.srcFile === null ? undefined : files.get(script.srcFile));
  if (c === undefined) throw new Error(`${where}: ${entry} loads C the folder does not have`);
  return {
    // The paste/open import drops the newline after text=r""" the same way.
    source: script.text === null ? c : c.replace(/^\n/, ''),
    attachments: script.attachments.map((a) => `${a.attachment.type}:${a.attachment.target}=${a.program}`),
  };
}

export function makeSeedExample(slot: SeedSlot, { folder, files }: ExampleFiles): Example & { seed: SeedSource } {
  const where = `tests/seeds/${folder}`;
  const json = files.get('seed.json');
  if (json === undefined) throw new Error(`${where}: no seed.json`);
  const { description, run } = JSON.parse(json) as { description: string; run: string[] };
  const { entry, workload, attachments } = parseRun(run, files, where);
  const text = files.get(entry)!;
  const program = editorProgram(entry, text, files, where);
  const includes = Object.fromEntries([...files].filter(([name]) => name.endsWith('.h')));
  return {
    id: slot.id,
    folder,
    fileName: entry,
    source: program.source,
    meta: {
      title: slot.title,
      summary: description,
      category: slot.category,
      program: { type: slot.type, section: '' },
      inputs: { kind: 'attach', workload, attachments: [...program.attachments, ...attachments] },
      mapSeeds: [],
      expect: {},
      fix: null,
      chart: null,
    },
    expected: files.get('expected.txt') ?? null,
    seed: { entry, text, files, includes },
  };
}

/** The seed entries in SEED_SLOTS order; every slot's folder must be there. */
export function makeSeedExamples(slots: readonly SeedSlot[], folders: readonly ExampleFiles[]): readonly Example[] {
  return slots.map((slot) => {
    const f = folders.find((x) => x.folder === slot.seedFolder);
    if (f === undefined) throw new Error(`tests/seeds/${slot.seedFolder}: missing (seed slot ${slot.id})`);
    return makeSeedExample(slot, f);
  });
}

/** The quoted-include headers of the gallery entry a selection names (none for other programs). */
export function seedIncludes(
  examples: readonly Example[],
  selection: { readonly kind: string; readonly id?: string } | null,
): Readonly<Record<string, string>> {
  if (selection?.kind !== 'example') return {};
  return examples.find((e) => e.id === selection.id)?.seed?.includes ?? {};
}
