/** The page: header and toolbar, the editor beside two panel docks, a status bar. */
import { useEffect, useMemo } from 'react';
import { Group, Panel, Separator, useDefaultLayout } from 'react-resizable-panels';
import { openFile } from './bcc-import';
import { commandForKey, isMacPlatform, type CommandContext } from './commands';
import { ConfirmDialog } from './components/ConfirmDialog';
import { Dock } from './components/Dock';
import { Gallery } from './components/Gallery';
import { Icon } from './components/Icon';
import { LessonPane, LessonsOverlay } from './components/Lessons';
import { LinkNotice } from './components/LinkNotice';
import { ConflictBanner, Notices } from './components/Notices';
import { ProgressStrip } from './components/Progress';
import { ShareDialog } from './components/ShareDialog';
import { StatusBar } from './components/StatusBar';
import { Toolbar } from './components/Toolbar';
import { PlaygroundContext, usePlayground, usePlaygroundContext } from './context';
import { EditorPane } from './editor/EditorPane';
import { panelsIn } from './panels/registry';
import type { PanelId } from './store/types';
import { useApplyTheme, useNarrow } from './theme';

function useGlobalShortcuts(ctx: CommandContext) {
  useEffect(() => {
    const mac = isMacPlatform();
    const onKey = (e: KeyboardEvent) => {
      const s = ctx.store.getState();
      // Presenter mode: one key runs, Escape leaves (unless a dialog is open: it closes first).
      if (s.presenter && e.key === 'F5' && !e.ctrlKey && !e.metaKey) {
        e.preventDefault();
        void ctx.pipeline.run();
        return;
      }
      if (s.presenter && e.key === 'Escape' && s.overlay === null && s.confirmRequest === null) {
        s.setPresenter(false);
        return;
      }
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

function EditorSection() {
  return (
    <section className="editor-pane" aria-label="Program source">
      <div className="pane-title">
        <span className="file-dot" aria-hidden="true" />
        prog.c
        <OpenedNote />
      </div>
      <EditorPane />
    </section>
  );
}

function Workspace() {
  const narrow = useNarrow();
  const lesson = usePlayground((s) => s.selection?.kind === 'lesson');
  const hidden = usePlayground((s) => s.hiddenPanels);
  const sideOpen = panelsIn('side').some((p) => !hidden.includes(p.id));
  const bottomOpen = panelsIn('bottom').some((p) => !hidden.includes(p.id));
  const orientation = narrow ? 'vertical' : 'horizontal';
  const mainIds = useMemo(
    () => [...(lesson ? ['lesson'] : []), 'editor', ...(sideOpen || bottomOpen ? ['docks'] : [])],
    [lesson, sideOpen, bottomOpen],
  );
  const dockIds = useMemo(
    () => [...(sideOpen ? ['side'] : []), ...(bottomOpen ? ['bottom'] : [])],
    [sideOpen, bottomOpen],
  );
  const main = useDefaultLayout({ id: `main-${orientation}`, panelIds: mainIds });
  const docks = useDefaultLayout({ id: 'docks', panelIds: dockIds });
  return (
    <Group
      key={`${orientation}-${lesson ? 'lesson' : 'plain'}`}
      orientation={orientation}
      className="workspace"
      defaultLayout={main.defaultLayout}
      onLayoutChanged={main.onLayoutChanged}
    >
      {lesson && (
        <>
          <Panel id="lesson" minSize="18%" defaultSize={narrow ? '30%' : '27%'} className="pane">
            <LessonPane />
          </Panel>
          <Separator className="sep" aria-label="Resize lesson and editor" />
        </>
      )}
      <Panel
        id="editor"
        minSize={narrow ? '25%' : '28%'}
        defaultSize={narrow ? '45%' : lesson ? '40%' : '52%'}
        className="pane pane-editor"
      >
        <EditorSection />
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

/** Presenter mode: the editor large on the left, trace_pipe and the maps (and the result) large on the right. */
function PresenterWorkspace() {
  return (
    <Group orientation="horizontal" className="workspace presenter-workspace">
      <Panel id="p-editor" minSize="30%" defaultSize="54%" className="pane pane-editor">
        <EditorSection />
      </Panel>
      <Separator className="sep" aria-label="Resize editor and output" />
      <Panel id="p-out" minSize="25%" className="pane">
        <Group orientation="vertical" className="docks">
          <Panel id="p-trace" minSize="20%" defaultSize="55%" className="pane">
            <Dock dock="bottom" label="Trace" only={['trace', 'result']} />
          </Panel>
          <Separator className="sep sep-h" aria-label="Resize output panels" />
          <Panel id="p-maps" minSize="20%" className="pane">
            <Dock dock="side" label="Maps" only={['maps', 'inputs', 'verifier']} />
          </Panel>
        </Group>
      </Panel>
    </Group>
  );
}

function PresenterBar() {
  const ctx = usePlaygroundContext();
  const running = usePlayground((s) => s.running);
  const setPresenter = usePlayground((s) => s.setPresenter);
  return (
    <header className="presenter-bar">
      <span className="presenter-brand">eBPF Playground</span>
      <button
        type="button"
        className="btn btn-primary btn-big"
        disabled={running}
        onClick={() => void ctx.pipeline.run()}
      >
        <Icon name="play" size={20} /> Run <kbd className="kbd">F5</kbd>
      </button>
      <button type="button" className="btn btn-big" onClick={() => void ctx.pipeline.reset()}>
        <Icon name="reset" size={18} /> Reset
      </button>
      <span className="spacer" />
      <button type="button" className="btn btn-ghost" onClick={() => setPresenter(false)}>
        Exit presenter mode <kbd className="kbd">Esc</kbd>
      </button>
    </header>
  );
}

/** ?embed: a compact bar, the editor and the chosen panels — for iframes in slides and course pages. */
function EmbedView({ panels }: { panels: PanelId[] }) {
  const ctx = usePlaygroundContext();
  const running = usePlayground((s) => s.running);
  const narrow = useNarrow();
  const full = () => {
    const url = new URL(window.location.href);
    url.search = '';
    return url.href;
  };
  return (
    <div className="app app-embed">
      <header className="embed-bar">
        <span className="embed-brand">
          <span className="embed-mark" aria-hidden="true" />
          eBPF Playground
        </span>
        <button
          type="button"
          className="btn btn-primary btn-small"
          disabled={running}
          onClick={() => void ctx.pipeline.run()}
        >
          <Icon name="play" size={13} /> Run
        </button>
        <span className="spacer" />
        <a className="btn btn-small btn-ghost" href={full()} target="_blank" rel="noreferrer">
          Open in playground ↗
        </a>
      </header>
      <ProgressStrip />
      <main className="main embed-main">
        <Group orientation={narrow ? 'vertical' : 'horizontal'} className="workspace">
          <Panel
            id="e-editor"
            minSize="25%"
            defaultSize={panels.length > 0 ? '55%' : '100%'}
            className="pane pane-editor"
          >
            <EditorSection />
          </Panel>
          {panels.length > 0 && (
            <>
              <Separator className="sep" aria-label="Resize editor and panels" />
              <Panel id="e-panels" minSize="20%" className="pane">
                <Dock dock="bottom" label="Panels" only={panels} />
              </Panel>
            </>
          )}
        </Group>
      </main>
      <Notices />
    </div>
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
      <Shell onResolveConflict={onResolveConflict} />
    </PlaygroundContext.Provider>
  );
}

function Shell({ onResolveConflict }: { onResolveConflict: (k: 'mine' | 'theirs') => void }) {
  const ctx = usePlaygroundContext();
  const presenter = usePlayground((s) => s.presenter);
  const embed = usePlayground((s) => s.embed);
  if (embed !== null) return <EmbedView panels={embed.panels} />;
  return (
    <div
      className={`app ${presenter ? 'app-presenter' : ''}`}
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes('Files')) e.preventDefault();
      }}
      onDrop={(e) => {
        const file = e.dataTransfer.files[0];
        if (file === undefined) return;
        e.preventDefault();
        void openFile(file, ctx);
      }}
    >
      {presenter ? <PresenterBar /> : <Toolbar />}
      <ProgressStrip />
      <ConflictBanner onResolve={onResolveConflict} />
      <LinkNotice />
      <main className="main">{presenter ? <PresenterWorkspace /> : <Workspace />}</main>
      {!presenter && <StatusBar />}
      <Notices />
      <Gallery />
      <LessonsOverlay />
      <ShareDialog />
      <ConfirmDialog />
    </div>
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
