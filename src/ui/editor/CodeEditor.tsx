/** The Monaco editor bound to the store: text, markers, commands, theme, vim mode, reveal. */
import { useEffect, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { COMMANDS, type Shortcut } from '../commands';
import { usePlayground, usePlaygroundContext } from '../context';
import { currentDiagnostics } from '../store/types';
import { useResolvedTheme } from '../theme';
import { SOURCE_FILE } from '../../runtime/compiler-client';
import { importBccScript, looksLikeBccPython, reportImport } from '../bcc-import';
import { monaco } from './monaco-setup';
import { toMarkers } from './markers';
import { showFixIts } from './fixits';
import { attachBreakpointMargin } from './breakpoint-margin';
import '../panels/stepping.css';

const MARKER_OWNER = 'playground';

function keybinding(sc: Shortcut): number {
  const { KeyMod, KeyCode } = monaco;
  const key = sc.key.length === 1 ? `Key${sc.key.toUpperCase()}` : sc.key;
  const code = (KeyCode as unknown as Record<string, number>)[key];
  if (code === undefined) throw new Error(`no Monaco key code for ${sc.key}`);
  return (
    code |
    (sc.mod === true ? KeyMod.CtrlCmd : 0) |
    (sc.shift === true ? KeyMod.Shift : 0) |
    (sc.alt === true ? KeyMod.Alt : 0)
  );
}

export default function CodeEditor() {
  const ctx = usePlaygroundContext();
  const host = useRef<HTMLDivElement>(null);
  const vimStatus = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const theme = useResolvedTheme();
  const vim = usePlayground((s) => s.vim);
  const presenter = usePlayground((s) => s.presenter);
  // useShallow: the selector builds a new array; its elements are stable objects.
  const diagnostics = usePlayground(useShallow(currentDiagnostics));
  const source = usePlayground((s) => s.source);
  const reveal = usePlayground((s) => s.reveal);
  // The C lines of the selected instruction and of the stepping position (the editor's own program only).
  const litLines = usePlayground(
    useShallow((s) => {
      if (s.load?.status !== 'ok' || s.load.value.origin.kind !== 'compiled') return [null, null];
      const dis = s.load.value.disassembly;
      if (dis.status !== 'ok') return [null, null];
      const lineOf = (pc: number | null) =>
        pc === null ? null : (dis.value.find((l) => l.pc === pc)?.source?.line ?? null);
      return [lineOf(s.selectedPc), lineOf(s.step?.status === 'ok' ? s.step.value.pc : null)];
    }),
  );
  const decorations = useRef<monaco.editor.IEditorDecorationsCollection | null>(null);

  // Create once.
  useEffect(() => {
    if (host.current === null) return;
    const { store } = ctx;
    const model = monaco.editor.createModel(store.getState().source, 'c', monaco.Uri.file(`/${SOURCE_FILE}`));
    const editor = monaco.editor.create(host.current, {
      model,
      automaticLayout: true,
      fontSize: 13.5,
      lineHeight: 21,
      fontFamily: "'JetBrains Mono', 'Fira Code', 'Cascadia Code', ui-monospace, SFMono-Regular, Menlo, monospace",
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      tabSize: 8,
      insertSpaces: false,
      renderLineHighlight: 'all',
      padding: { top: 10, bottom: 10 },
      fixedOverflowWidgets: true,
      ariaLabel: 'C source editor',
      // The glyph margin holds breakpoints (breakpoint-margin.ts).
      glyphMargin: true,
      smoothScrolling: true,
    });
    editorRef.current = editor;
    const sub = model.onDidChangeContent(() => store.getState().setSource(model.getValue()));
    // A pasted BCC Python script: its C replaces the program, its attach_* calls the run configuration.
    const paste = editor.onDidPaste((e) => {
      const pasted = model.getValueInRange(e.range);
      if (!looksLikeBccPython(pasted)) return;
      reportImport(store, importBccScript(store, pasted, 'the pasted script'));
    });
    const cursor = editor.onDidChangeCursorPosition((e) =>
      store.getState().setCursor(e.position.lineNumber, e.position.column),
    );
    const detachBreakpoints = attachBreakpointMargin(editor, store);
    const actions = COMMANDS.map((c) =>
      editor.addAction({
        id: `playground.${c.id}`,
        label: `eBPF: ${c.label}`,
        keybindings: c.shortcut === null ? [] : [keybinding(c.shortcut)],
        contextMenuGroupId: c.toolbar ? 'navigation' : undefined,
        run: () => void c.run(ctx),
      }),
    );
    return () => {
      actions.forEach((a) => a.dispose());
      detachBreakpoints();
      sub.dispose();
      paste.dispose();
      cursor.dispose();
      editor.dispose();
      model.dispose();
      editorRef.current = null;
      // The collection belongs to the disposed editor (StrictMode mounts twice): make a new one.
      decorations.current = null;
    };
  }, [ctx]);

  // Text replaced from outside the editor (another tab's version chosen, an example loaded).
  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (model !== null && model !== undefined && model.getValue() !== source) {
      // Another program replaced this one: its line breakpoints meant lines of the old text.
      ctx.store.getState().setLineBreakpoints([]);
      model.pushEditOperations([], [{ range: model.getFullModelRange(), text: source }], () => null);
    }
  }, [source, ctx]);

  useEffect(() => {
    editorRef.current?.updateOptions(presenter ? { fontSize: 22, lineHeight: 32 } : { fontSize: 13.5, lineHeight: 21 });
  }, [presenter]);

  useEffect(() => {
    monaco.editor.setTheme(theme === 'dark' ? 'playground-dark' : 'playground-light');
  }, [theme]);

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (model === null || model === undefined) return;
    monaco.editor.setModelMarkers(
      model,
      MARKER_OWNER,
      toMarkers(diagnostics, SOURCE_FILE, (l) => (l <= model.getLineCount() ? model.getLineLength(l) : 0)),
    );
    showFixIts(monaco, model, diagnostics, SOURCE_FILE);
  }, [diagnostics]);

  useEffect(() => {
    const editor = editorRef.current;
    if (editor === null) return;
    decorations.current ??= editor.createDecorationsCollection();
    const [selected, current] = litLines;
    const deco = (line: number, className: string): monaco.editor.IModelDeltaDecoration => ({
      range: new monaco.Range(line, 1, line, 1),
      options: { isWholeLine: true, className, linesDecorationsClassName: `${className}-gutter` },
    });
    decorations.current.set([
      ...(selected !== null && selected !== undefined ? [deco(selected, 'line-selected')] : []),
      ...(current !== null && current !== undefined ? [deco(current, 'line-current')] : []),
    ]);
    if (current !== null && current !== undefined) editor.revealLineInCenterIfOutsideViewport(current);
  }, [litLines]);

  useEffect(() => {
    const editor = editorRef.current;
    if (reveal === null || editor === null) return;
    editor.revealLineInCenter(reveal.line);
    editor.setPosition({ lineNumber: reveal.line, column: 1 });
    editor.focus();
  }, [reveal]);

  useEffect(() => {
    const editor = editorRef.current;
    if (!vim || editor === null) return;
    let disposed = false;
    let mode: { dispose(): void } | null = null;
    void import('monaco-vim').then(({ initVimMode }) => {
      if (!disposed) mode = initVimMode(editor, vimStatus.current);
    });
    return () => {
      disposed = true;
      mode?.dispose();
    };
  }, [vim]);

  return (
    <div className="editor-host-wrap">
      <div ref={host} className="editor-host" data-testid="editor" />
      {vim && <div ref={vimStatus} className="vim-status" aria-live="polite" />}
    </div>
  );
}
