/**
 * BCC Python scripts (hello.py) pasted into the editor or opened: the BCC Python front reads the
 * C program and the attach_* calls; the C goes to the editor and the attachments to the run
 * configuration, and the Inputs panel switches to the workload.
 */
import { BccError, parseBccScript } from '../bpf/bcc';
import type { PlaygroundStore } from './store/store';

/** A Python script written for BCC, rather than C (which never has `from bcc import`). */
export function looksLikeBccPython(text: string): boolean {
  return /^\s*(from\s+bcc\s+import|import\s+bcc\b)/m.test(text) || /\bBPF\s*\(\s*(text|src_file)\s*=/.test(text);
}

export type ImportOutcome = { ok: true; attachments: string[] } | { ok: false; message: string };

export function importBccScript(store: PlaygroundStore, text: string, fileName = 'the script'): ImportOutcome {
  let script;
  try {
    script = parseBccScript(text);
  } catch (e) {
    if (!(e instanceof BccError) && !(e instanceof Error)) throw e;
    return { ok: false, message: `Could not read ${fileName} as a BCC script: ${e.message}` };
  }
  if (script.text === null) {
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
  s.setSource(script.text.replace(/^\n/, ''));
  return { ok: true, attachments };
}
