/**
 * clang's fix-its as Monaco quick fixes (light bulb, Ctrl+. and "Quick Fix…" in the marker hover).
 * CodeEditor calls showFixIts wherever it sets the markers; the fixes stay offered only while the
 * text is the one the diagnostics were set on, so an edit never lands on text that has moved.
 */
import 'monaco-editor/editor/contrib/codeAction/browser/codeActionContributions';
import type { Diagnostic } from '../../protocol';
import { type QuickFix, quickFixes } from '../../compiler/fixit-edits';
import type { Monaco, monaco as MonacoApi } from './monaco-setup';

type Model = MonacoApi.editor.ITextModel;

const offered = new WeakMap<Model, { readonly version: number; readonly fixes: readonly QuickFix[] }>();
let registered = false;

const touches = (fix: QuickFix, range: MonacoApi.IRange): boolean => {
  const lines = [fix.diagnostic.line, fix.diagnostic.endLine ?? fix.diagnostic.line];
  for (const e of fix.edits) lines.push(e.startLineNumber, e.endLineNumber);
  return Math.min(...lines) <= range.endLineNumber && Math.max(...lines) >= range.startLineNumber;
};

function register(monaco: Monaco): void {
  monaco.languages.registerCodeActionProvider('c', {
    provideCodeActions(model, range, context) {
      const entry = offered.get(model);
      const current = entry !== undefined && entry.version === model.getAlternativeVersionId();
      const actions = (current ? entry.fixes : [])
        .filter((fix) => touches(fix, range))
        .map((fix): MonacoApi.languages.CodeAction => ({
          title: fix.title,
          kind: 'quickfix',
          isPreferred: fix.preferred,
          diagnostics: context.markers.filter(
            (m) =>
              m.startLineNumber === Math.max(1, fix.diagnostic.line) && m.message.startsWith(fix.diagnostic.message),
          ),
          edit: {
            edits: fix.edits.map((e) => ({
              resource: model.uri,
              versionId: model.getVersionId(),
              textEdit: {
                range: new monaco.Range(e.startLineNumber, e.startColumn, e.endLineNumber, e.endColumn),
                text: e.text,
              },
            })),
          },
        }));
      return { actions, dispose: () => undefined };
    },
  });
}

/** Offers the fix-its of `diagnostics` that concern `file` on `model` (replacing the previous ones). */
export function showFixIts(monaco: Monaco, model: Model, diagnostics: readonly Diagnostic[], file: string): void {
  if (!registered) register(monaco);
  registered = true;
  const lineText = (l: number) => (l >= 1 && l <= model.getLineCount() ? model.getLineContent(l) : null);
  offered.set(model, { version: model.getAlternativeVersionId(), fixes: quickFixes(diagnostics, file, lineText) });
}
