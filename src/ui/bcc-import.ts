/**
 * BCC Python scripts (hello.py) pasted into the editor or opened: the BCC Python front reads the
 * C program and the attach_* calls; the C goes to the editor and the attachments to the run
 * configuration, and the Inputs panel switches to the workload. Opening a file (Ctrl+O, or
 * dropping it on the page) routes by its name: .py here, C sources to the editor, the rest to the
 * object loader.
 */
import { BccError, parseBccScript } from '../bpf/bcc';
import type { Pipeline } from './pipeline';
import type { PlaygroundStore } from './store/store';

/** A Python script written for BCC, rather than C (which never has `from bcc import`). */
export function looksLikeBccPython(text: string): boolean {
  return /^\s*(from\s+bcc\s+import|import\s+bcc\b)/m.test(text) || /\bBPF\s*\(\s*(text|src_file)\s*=/.test(text);
}

export type ImportOutcome = { ok: true; attachments: string[] } | { ok: false; message: string };

/**
 * `files`: the script's folder, when the page has it (a seed from the gallery), so BPF(src_file=…)
 * finds its C there; a pasted script has none.
 */
export function importBccScript(
  store: PlaygroundStore,
  text: string,
  fileName = 'the script',
  files: ReadonlyMap<string, string> = new Map(),
): ImportOutcome {
  let script;
  try {
    script = parseBccScript(text);
  } catch (e) {
    if (!(e instanceof BccError) && !(e instanceof Error)) throw e;
    return { ok: false, message: `Could not read ${fileName} as a BCC script: ${e.message}` };
  }
  const c = script.text ?? (script.srcFile === null ? undefined : files.get(script.srcFile));
  if (c === undefined) {
    return {
      ok: false,
      message: `${fileName} loads its C from "${script.srcFile ?? '?'}" (BPF(src_file=…)): open that file instead, or paste the C into the editor.`,
    };
  }
  const attachments = script.attachments.map((a) => `${a.attachment.type}:${a.attachment.target}=${a.program}`);
  const s = store.getState();
  s.resetRun();
  s.clearTrace();
  store.setState({ inputsKind: 'attach', attachments, section: '', selection: null });
  s.setSource(script.text === null ? c : c.replace(/^\n/, ''));
  return { ok: true, attachments };
}

/** Tells the user what an import did (shared by paste and file open). */
export function reportImport(store: PlaygroundStore, out: ImportOutcome): void {
  const s = store.getState();
  if (out.ok) {
    s.notify('success', `Read the BCC script: its C is in the editor, ${out.attachments.length} attachment(s) in Inputs → Workload.`); // prettier-ignore
    s.showPanel('inputs', 'side');
  } else s.notify('error', out.message);
}

/** An opened or dropped file: BCC scripts and C sources go to the editor, anything else is an object. */
export async function openFile(
  file: Pick<File, 'name' | 'text' | 'arrayBuffer'>,
  ctx: { readonly store: PlaygroundStore; readonly pipeline: Pick<Pipeline, 'openObject'> },
): Promise<void> {
  if (/\.py$/i.test(file.name))
    return reportImport(ctx.store, importBccScript(ctx.store, await file.text(), file.name));
  if (/\.[ch]$/i.test(file.name)) {
    ctx.store.getState().setSource(await file.text());
    ctx.store.getState().notify('success', `Opened ${file.name} in the editor.`);
    return;
  }
  await ctx.pipeline.openObject(file.name, new Uint8Array(await file.arrayBuffer()));
}

/** The browser's file chooser, then openFile. */
export function chooseAndOpenFile(ctx: Parameters<typeof openFile>[1]): void {
  const input = document.createElement('input');
  input.type = 'file';
  input.accept = '.py,.c,.h,.o';
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    if (file !== undefined) void openFile(file, ctx);
  });
  input.click();
}
