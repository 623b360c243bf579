/**
 * Loads Monaco (only the editor core, the contributions we use and C highlighting) and its worker,
 * bundled by Vite. Imported lazily, so the page is interactive before the editor arrives.
 */
import * as monaco from 'monaco-editor/editor/editor.api';
import 'monaco-editor/esm/vs/base/browser/ui/codicons/codicon/codicon.css';
import 'monaco-editor/editor/browser/coreCommands';
import 'monaco-editor/editor/browser/widget/codeEditor/codeEditorWidget';
import 'monaco-editor/editor/contrib/bracketMatching/browser/bracketMatching';
import 'monaco-editor/editor/contrib/clipboard/browser/clipboard';
import 'monaco-editor/editor/contrib/comment/browser/comment';
import 'monaco-editor/editor/contrib/contextmenu/browser/contextmenu';
import 'monaco-editor/editor/contrib/cursorUndo/browser/cursorUndo';
import 'monaco-editor/editor/contrib/find/browser/findController';
import 'monaco-editor/editor/contrib/folding/browser/folding';
import 'monaco-editor/editor/contrib/fontZoom/browser/fontZoom';
import 'monaco-editor/editor/contrib/gotoError/browser/gotoError';
import 'monaco-editor/editor/contrib/gotoError/browser/markerSelectionStatus';
import 'monaco-editor/editor/contrib/hover/browser/hoverContribution';
import 'monaco-editor/editor/contrib/indentation/browser/indentation';
import 'monaco-editor/editor/contrib/lineSelection/browser/lineSelection';
import 'monaco-editor/editor/contrib/linesOperations/browser/linesOperations';
import 'monaco-editor/editor/contrib/multicursor/browser/multicursor';
import 'monaco-editor/editor/contrib/parameterHints/browser/parameterHints';
import 'monaco-editor/editor/contrib/snippet/browser/snippetController2';
import 'monaco-editor/editor/contrib/suggest/browser/suggestController';
import 'monaco-editor/editor/contrib/wordHighlighter/browser/wordHighlighter';
import 'monaco-editor/editor/contrib/wordOperations/browser/wordOperations';
import 'monaco-editor/editor/standalone/browser/quickAccess/standaloneCommandsQuickAccess';
import 'monaco-editor/editor/standalone/browser/quickAccess/standaloneGotoLineQuickAccess';
import 'monaco-editor/languages/definitions/cpp/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import helperDefs from '../../compiler/headers/include/bpf/bpf_helper_defs.h?raw';
import { C_DOCS, findDoc, hoverMarkdown, type DocItem } from './docs';
import { helperDocItems } from './helper-docs';

export type Monaco = typeof monaco;

(self as unknown as { MonacoEnvironment: monaco.Environment }).MonacoEnvironment = {
  // C has no language worker; the generic editor worker computes diffs and word ranges.
  getWorker: () => new EditorWorker(),
};

monaco.editor.defineTheme('playground-light', {
  base: 'vs',
  inherit: true,
  rules: [],
  colors: { 'editor.background': '#ffffff', 'editorGutter.background': '#fbfbfd' },
});
monaco.editor.defineTheme('playground-dark', {
  base: 'vs-dark',
  inherit: true,
  rules: [],
  colors: { 'editor.background': '#14161b', 'editorGutter.background': '#14161b' },
});

/** Doc sources for C: section names, macros and fields, and every helper with its prototype. */
const docSources: (readonly DocItem[])[] = [C_DOCS, helperDocItems(helperDefs)];

/** Adds a list of {name, signature, doc} items to C hover and completion (e.g. helper prototypes). */
export function addDocs(items: readonly DocItem[]): void {
  docSources.push(items);
}

const allDocs = (): DocItem[] => docSources.flat();

const KIND: Record<DocItem['kind'], monaco.languages.CompletionItemKind> = {
  helper: monaco.languages.CompletionItemKind.Function,
  macro: monaco.languages.CompletionItemKind.Snippet,
  section: monaco.languages.CompletionItemKind.Module,
  constant: monaco.languages.CompletionItemKind.Constant,
  field: monaco.languages.CompletionItemKind.Field,
  instruction: monaco.languages.CompletionItemKind.Keyword,
};

monaco.languages.registerHoverProvider('c', {
  provideHover(model, position) {
    const line = model.getLineContent(position.lineNumber);
    // Section names are quoted strings with slashes: take the quoted token under the cursor first.
    const quoted = /"([^"]*)"/g;
    for (let m = quoted.exec(line); m !== null; m = quoted.exec(line)) {
      const start = m.index + 2;
      if (position.column >= start && position.column <= start + m[1]!.length) {
        const item = findDoc(allDocs(), m[1]!);
        if (item !== null) return { contents: hoverMarkdown(item).map((value) => ({ value })) };
      }
    }
    const word = model.getWordAtPosition(position);
    if (word === null) return null;
    const item = findDoc(allDocs(), word.word);
    if (item === null || item.kind === 'section') return null;
    return {
      range: new monaco.Range(position.lineNumber, word.startColumn, position.lineNumber, word.endColumn),
      contents: hoverMarkdown(item).map((value) => ({ value })),
    };
  },
});

monaco.languages.registerCompletionItemProvider('c', {
  provideCompletionItems(model, position) {
    const word = model.getWordUntilPosition(position);
    const range = new monaco.Range(position.lineNumber, word.startColumn, position.lineNumber, word.endColumn);
    return {
      suggestions: allDocs()
        .filter((i) => i.kind !== 'section' && i.kind !== 'instruction')
        .map((i) => ({
          label: i.name,
          kind: KIND[i.kind],
          detail: i.signature,
          documentation: { value: i.doc },
          insertText: i.insert ?? i.name,
          insertTextRules:
            i.insert !== undefined ? monaco.languages.CompletionItemInsertTextRule.InsertAsSnippet : undefined,
          range,
        })),
    };
  },
});

export { monaco };
