/**
 * Breakpoints in the editor's glyph margin: a click beside a line toggles a C line breakpoint, a
 * faint dot shows where a click would set one, and the dots move with the text as it is edited
 * (Monaco tracks decorations through edits; the store takes the new lines after each edit). A line
 * with no instruction in the compiled program gets a hollow dot: stepping can never stop there.
 */
import type { PlaygroundStore } from '../store/store';
import type { PlaygroundState } from '../store/types';
import { monaco } from './monaco-setup';

/** The C lines that have instructions, when the listing belongs to the text on screen. */
function linesWithCode(s: PlaygroundState): Set<number> | null {
  if (s.compile.revision !== s.revision || s.load?.status !== 'ok') return null;
  const { origin, disassembly } = s.load.value;
  if (origin.kind !== 'compiled' || disassembly.status !== 'ok') return null;
  return new Set(disassembly.value.flatMap((l) => (l.source === null ? [] : [l.source.line])));
}

const HOVER_SET = 'Breakpoint: Step and Continue stop at the first instruction of this line. Click to remove it.';
const HOVER_UNBOUND = 'Breakpoint on a line with no instructions in the compiled program: stepping never stops here.';

export function attachBreakpointMargin(
  editor: monaco.editor.IStandaloneCodeEditor,
  store: PlaygroundStore,
): () => void {
  const marks = editor.createDecorationsCollection();
  const hint = editor.createDecorationsCollection();
  const { GUTTER_GLYPH_MARGIN } = monaco.editor.MouseTargetType;

  const render = (s: PlaygroundState) => {
    const code = linesWithCode(s);
    const lineCount = editor.getModel()?.getLineCount() ?? 0;
    marks.set(
      s.lineBreakpoints
        .filter((line) => line <= lineCount)
        .map((line) => {
          const unbound = code !== null && !code.has(line);
          return {
            range: new monaco.Range(line, 1, line, 1),
            options: {
              glyphMarginClassName: unbound ? 'bp-glyph unbound' : 'bp-glyph',
              glyphMarginHoverMessage: { value: unbound ? HOVER_UNBOUND : HOVER_SET },
              stickiness: monaco.editor.TrackedRangeStickiness.NeverGrowsWhenTypingAtEdges,
            },
          };
        }),
    );
  };
  render(store.getState());
  const unsub = store.subscribe((s, p) => {
    if (s.lineBreakpoints !== p.lineBreakpoints || s.load !== p.load || s.compile !== p.compile) render(s);
  });

  const down = editor.onMouseDown((e) => {
    if (e.target.type !== GUTTER_GLYPH_MARGIN || e.target.position === null) return;
    store.getState().toggleLineBreakpoint(e.target.position.lineNumber);
  });
  const move = editor.onMouseMove((e) => {
    const line = e.target.type === GUTTER_GLYPH_MARGIN ? (e.target.position?.lineNumber ?? null) : null;
    hint.set(
      line === null || store.getState().lineBreakpoints.includes(line)
        ? []
        : [{ range: new monaco.Range(line, 1, line, 1), options: { glyphMarginClassName: 'bp-glyph-hint' } }],
    );
  });
  const leave = editor.onMouseLeave(() => hint.clear());
  // After an edit the marks sit where Monaco moved them: that is where the breakpoints now are.
  const edits = editor.onDidChangeModelContent(() => {
    const lines = marks.getRanges().map((r) => r.startLineNumber);
    store.getState().setLineBreakpoints(lines);
  });

  return () => {
    unsub();
    down.dispose();
    move.dispose();
    leave.dispose();
    edits.dispose();
    marks.clear();
    hint.clear();
  };
}
