/** Header: brand, build options, and the actions from the command registry. */
import { useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ProgramInfo } from '../../protocol';
import type { CpuVersion, OptLevel } from '../../protocol';
import { COMMANDS, isMacPlatform, shortcutLabel, type CommandId } from '../commands';
import { usePlayground, usePlaygroundContext } from '../context';
import { PANELS } from '../panels/registry';
import { Icon, type IconName } from './Icon';
import { Menu } from './Menu';

const ICONS: Record<CommandId, IconName> = {
  compile: 'compile',
  verify: 'shield',
  run: 'play',
  step: 'step',
  stepBack: 'stepBack',
  continue: 'continue',
  breakpoint: 'registers',
  reset: 'reset',
  share: 'share',
  save: 'check',
  examples: 'grid',
  lessons: 'book',
  present: 'present',
  traffic: 'bolt',
  open: 'open',
};

const NO_PROGRAMS: readonly ProgramInfo[] = [];

/** Common SEC() names; the loaded object's own programs are listed too. */
const SECTIONS = ['xdp', 'tc', 'socket', 'cgroup_skb/ingress', 'kprobe/', 'tracepoint/'];

export function Toolbar() {
  const ctx = usePlaygroundContext();
  const s = usePlayground(
    useShallow((st) => ({
      section: st.section,
      optLevel: st.optLevel,
      cpu: st.cpu,
      privileged: st.privileged,
      programs: st.load?.status === 'ok' ? st.load.value.programs : NO_PROGRAMS,
      opened: st.opened?.name ?? null,
      running: st.running,
    })),
  );
  const setSettings = usePlayground((st) => st.setSettings);
  const mac = isMacPlatform();
  // The loaded object's programs by function name (two may share a section), then common sections.
  const programNames = new Set(s.programs.map((p) => p.name));
  const sections = [...new Set([...SECTIONS, ...(programNames.has(s.section) ? [] : [s.section])])].filter(
    (x) => x !== '' && !programNames.has(x),
  );
  return (
    <header className="app-header">
      <div className="brand">
        <svg className="brand-mark" viewBox="0 0 32 32" width="26" height="26" aria-hidden="true">
          <rect width="32" height="32" rx="8" fill="var(--accent)" />
          <path d="M9 10h9M9 16h7M9 22h9M9 10v12" stroke="#fff" strokeWidth="2.6" strokeLinecap="round" fill="none" />
          <circle cx="22.5" cy="19.5" r="3.2" fill="none" stroke="#fff" strokeWidth="2.2" />
          <path d="M22.5 12.5v3.8" stroke="#fff" strokeWidth="2.2" strokeLinecap="round" />
        </svg>
        <div className="brand-text">
          <h1>eBPF Playground</h1>
          <span className="brand-sub">restricted C · verifier · VM, all in your browser</span>
        </div>
      </div>

      <nav className="nav" aria-label="Learn">
        {COMMANDS.filter((c) => c.id === 'examples' || c.id === 'lessons' || c.id === 'present').map((c) => (
          <button
            key={c.id}
            type="button"
            className={`btn btn-ghost nav-btn nav-${c.id}`}
            title={c.description}
            aria-label={c.label}
            onClick={() => void c.run(ctx)}
          >
            <Icon name={ICONS[c.id]} size={15} />
            <span className="btn-label">{c.id === 'present' ? 'Present' : c.label}</span>
          </button>
        ))}
      </nav>

      <div className="toolbar" role="toolbar" aria-label="Build options and actions">
        <div className="tool-group" aria-label="Build options">
          <label className="tool-select">
            <span className="tool-label">Program</span>
            <select
              aria-label="Program section"
              value={s.section}
              onChange={(e) => setSettings({ section: e.target.value })}
            >
              <option value="">first in object</option>
              {s.programs.length > 0 && (
                <optgroup label={s.opened ?? 'In the object'}>
                  {s.programs.map((p) => (
                    <option key={p.name} value={p.name}>
                      {p.name} · {p.section}
                    </option>
                  ))}
                </optgroup>
              )}
              <optgroup label="Sections">
                {sections.map((sec) => (
                  <option key={sec} value={sec}>
                    {sec}
                  </option>
                ))}
              </optgroup>
            </select>
          </label>
          <label className="tool-select">
            <span className="tool-label">-O</span>
            <select
              aria-label="Optimisation level"
              value={s.optLevel}
              onChange={(e) => setSettings({ optLevel: Number(e.target.value) as OptLevel })}
            >
              {[0, 1, 2, 3].map((o) => (
                <option key={o} value={o}>
                  -O{o}
                </option>
              ))}
            </select>
          </label>
          <label className="tool-select">
            <span className="tool-label">-mcpu</span>
            <select
              aria-label="Target CPU version"
              value={s.cpu}
              onChange={(e) => setSettings({ cpu: e.target.value as CpuVersion })}
            >
              {(['v1', 'v2', 'v3', 'v4'] as const).map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className={`toggle ${s.privileged ? 'on' : ''}`}
            aria-pressed={s.privileged}
            title="Privileged = root with CAP_BPF/CAP_PERFMON, the kernel's default for loading programs"
            onClick={() => setSettings({ privileged: !s.privileged })}
          >
            <span className="toggle-dot" aria-hidden="true" />
            {s.privileged ? 'Privileged' : 'Unprivileged'}
          </button>
        </div>

        <div className="tool-group actions" aria-label="Actions">
          {COMMANDS.filter((c) => c.toolbar).map((c) => (
            <button
              key={c.id}
              type="button"
              className={`btn btn-${c.id} ${c.id === 'run' ? 'btn-primary' : ''} ${c.id === 'share' ? 'btn-ghost' : ''}`}
              aria-label={c.label}
              title={`${c.description}${c.shortcut !== null ? ` (${shortcutLabel(c.shortcut, mac)})` : ''}`}
              aria-keyshortcuts={
                c.shortcut !== null ? shortcutLabel(c.shortcut, false).replace('Ctrl', 'Control') : undefined
              }
              disabled={c.id === 'run' && s.running}
              onClick={() => void c.run(ctx)}
            >
              <Icon name={ICONS[c.id]} size={15} />
              <span className="btn-label">{c.label}</span>
              {c.id === 'run' && c.shortcut !== null && <kbd className="kbd">{shortcutLabel(c.shortcut, mac)}</kbd>}
            </button>
          ))}
          <OpenObjectButton />
          <PanelsMenu />
          <SettingsMenu />
        </div>
      </div>
    </header>
  );
}

/** Reads a dropped or chosen file and hands it to the pipeline. */
export async function openObjectFile(file: File, open: (name: string, bytes: Uint8Array) => Promise<void>) {
  await open(file.name, new Uint8Array(await file.arrayBuffer()));
}

/** 'Open .o': run an object compiled elsewhere (clang -O2 -g -target bpf -c prog.c). */
function OpenObjectButton() {
  const { pipeline } = usePlaygroundContext();
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button
        type="button"
        className="btn btn-open btn-ghost"
        title="Open a BPF object compiled elsewhere (clang -O2 -g -target bpf -c prog.c); you can also drop it on the page"
        onClick={() => input.current?.click()}
      >
        <Icon name="open" size={15} />
        <span className="btn-label">Open .o</span>
      </button>
      <input
        ref={input}
        type="file"
        accept=".o,.bpf.o,application/x-object,application/octet-stream"
        className="sr-only"
        aria-label="Open object file"
        tabIndex={-1}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file !== undefined) void openObjectFile(file, (n, b) => pipeline.openObject(n, b));
        }}
      />
    </>
  );
}

function PanelsMenu() {
  const hidden = usePlayground((s) => s.hiddenPanels);
  const toggle = usePlayground((s) => s.togglePanel);
  return (
    <Menu label="Panels" icon="panels">
      {PANELS.map((p) => (
        <label key={p.id} className="menu-item check">
          <input type="checkbox" checked={!hidden.includes(p.id)} onChange={() => toggle(p.id)} />
          {p.title}
        </label>
      ))}
    </Menu>
  );
}

function SettingsMenu() {
  const vim = usePlayground((s) => s.vim);
  const theme = usePlayground((s) => s.theme);
  const autoCompile = usePlayground((s) => s.autoCompile);
  const setSettings = usePlayground((s) => s.setSettings);
  const [shortcuts] = useState(() => COMMANDS.filter((c) => c.shortcut !== null));
  const mac = isMacPlatform();
  return (
    <Menu label="Settings" icon="settings">
      <label className="menu-item check">
        <input type="checkbox" checked={autoCompile} onChange={(e) => setSettings({ autoCompile: e.target.checked })} />
        Compile as I type
      </label>
      <label className="menu-item check">
        <input type="checkbox" checked={vim} onChange={(e) => setSettings({ vim: e.target.checked })} />
        Vim keys in the editor
      </label>
      <label className="menu-item">
        Theme{' '}
        <select
          aria-label="Theme"
          value={theme}
          onChange={(e) => setSettings({ theme: e.target.value as 'system' | 'light' | 'dark' })}
        >
          <option value="system">System</option>
          <option value="light">Light</option>
          <option value="dark">Dark</option>
        </select>
      </label>
      <div className="menu-sep" />
      <div className="menu-heading">Keyboard</div>
      {shortcuts.map((c) => (
        <div key={c.id} className="menu-item shortcut-row">
          <span>{c.label}</span>
          <kbd className="kbd">{shortcutLabel(c.shortcut!, mac)}</kbd>
        </div>
      ))}
    </Menu>
  );
}
