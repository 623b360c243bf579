/** The page: header and toolbar, the editor beside two panel docks, a status bar. */
import { useEffect, useMemo } from 'react';
import { Group, Panel, Separator, useDefaultLayout } from 'react-resizable-panels';
import { commandForKey, isMacPlatform, type CommandContext } from './commands';
import { Dock } from './components/Dock';
import { ConflictBanner, Notices } from './components/Notices';
import { StatusBar } from './components/StatusBar';
import { openObjectFile, Toolbar } from './components/Toolbar';
import { PlaygroundContext, usePlayground } from './context';
import { EditorPane } from './editor/EditorPane';
import { panelsIn } from './panels/registry';
import { useApplyTheme, useNarrow } from './theme';

function useGlobalShortcuts(ctx: CommandContext) {
  useEffect(() => {
    const mac = isMacPlatform();
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return; // Monaco handled it through its own action
      const cmd = commandForKey(e, mac);
      if (cmd === null) return;
      e.preventDefault();
      void cmd.run(ctx);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [ctx]);
}

function Workspace() {
  const narrow = useNarrow();
  const hidden = usePlayground((s) => s.hiddenPanels);
  const sideOpen = panelsIn('side').some((p) => !hidden.includes(p.id));
  const bottomOpen = panelsIn('bottom').some((p) => !hidden.includes(p.id));
  const orientation = narrow ? 'vertical' : 'horizontal';
  const mainIds = useMemo(() => (sideOpen || bottomOpen ? ['editor', 'docks'] : ['editor']), [sideOpen, bottomOpen]);
  const dockIds = useMemo(
    () => [...(sideOpen ? ['side'] : []), ...(bottomOpen ? ['bottom'] : [])],
    [sideOpen, bottomOpen],
  );
  const main = useDefaultLayout({ id: `main-${orientation}`, panelIds: mainIds });
  const docks = useDefaultLayout({ id: 'docks', panelIds: dockIds });
  return (
    <Group
      key={orientation}
      orientation={orientation}
      className="workspace"
      defaultLayout={main.defaultLayout}
      onLayoutChanged={main.onLayoutChanged}
    >
      <Panel
        id="editor"
        minSize={narrow ? '25%' : '28%'}
        defaultSize={narrow ? '45%' : '52%'}
        className="pane pane-editor"
      >
        <section className="editor-pane" aria-label="Program source">
          <div className="pane-title">
            <span className="file-dot" aria-hidden="true" />
            prog.c
            <OpenedNote />
          </div>
          <EditorPane />
        </section>
      </Panel>
      {(sideOpen || bottomOpen) && (
        <>
          <Separator className="sep" aria-label="Resize editor and panels" />
          <Panel id="docks" minSize="20%" className="pane">
            <Group
              orientation="vertical"
              className="docks"
              defaultLayout={docks.defaultLayout}
              onLayoutChanged={docks.onLayoutChanged}
            >
              {sideOpen && (
                <Panel id="side" minSize="15%" defaultSize="62%" className="pane">
                  <Dock dock="side" label="Program panels" />
                </Panel>
              )}
              {sideOpen && bottomOpen && <Separator className="sep sep-h" aria-label="Resize panel docks" />}
              {bottomOpen && (
                <Panel id="bottom" minSize="12%" defaultSize="38%" className="pane">
                  <Dock dock="bottom" label="Output panels" />
                </Panel>
              )}
            </Group>
          </Panel>
        </>
      )}
    </Group>
  );
}

export function App({
  ctx,
  onResolveConflict,
}: {
  ctx: CommandContext;
  onResolveConflict: (k: 'mine' | 'theirs') => void;
}) {
  useGlobalShortcuts(ctx);
  return (
    <PlaygroundContext.Provider value={ctx}>
      <Themed />
      <div
        className="app"
        onDragOver={(e) => {
          if (e.dataTransfer.types.includes('Files')) e.preventDefault();
        }}
        onDrop={(e) => {
          const file = e.dataTransfer.files[0];
          if (file === undefined) return;
          e.preventDefault();
          void openObjectFile(file, (n, b) => ctx.pipeline.openObject(n, b));
        }}
      >
        <Toolbar />
        <ConflictBanner onResolve={onResolveConflict} />
        <main className="main">
          <Workspace />
        </main>
        <StatusBar />
        <Notices />
      </div>
    </PlaygroundContext.Provider>
  );
}

/** Says plainly when the panels show an opened object file rather than the editor's program. */
function OpenedNote() {
  const opened = usePlayground((s) => s.opened);
  if (opened === null) return null;
  return (
    <span className="opened-note" data-testid="opened-object">
      panels show <strong className="mono">{opened.name}</strong> ({opened.size.toLocaleString()} bytes, opened file)
    </span>
  );
}

function Themed() {
  useApplyTheme();
  return null;
}
