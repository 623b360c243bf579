/** A tab strip over the panels of one dock; hidden panels are left out, the active one is shown. */
import { useState } from 'react';
import { usePlayground } from '../context';
import { PANELS, panelsIn } from '../panels/registry';
import type { Dock as DockId, PanelId } from '../store/types';
import { Icon } from './Icon';

/**
 * `only`: a fixed set of panels from any dock (embed and presenter views), with the selected tab
 * kept locally so the page's own layout is not changed.
 */
export function Dock({ dock, label, only }: { dock: DockId; label: string; only?: readonly PanelId[] }) {
  const hidden = usePlayground((s) => s.hiddenPanels);
  const storeActive = usePlayground((s) => s.activeTab[dock]);
  const setStoreActive = usePlayground((s) => s.setActiveTab);
  const [localActive, setLocalActive] = useState<PanelId | null>(null);
  const active = only === undefined ? storeActive : (localActive ?? only[0]);
  const setActive = (d: DockId, id: PanelId) => (only === undefined ? setStoreActive(d, id) : setLocalActive(id));
  const panels =
    only === undefined
      ? panelsIn(dock).filter((p) => !hidden.includes(p.id))
      : PANELS.filter((p) => only.includes(p.id));
  // Badges are derived per render from the whole state (cheap; a handful of panels).
  const state = usePlayground((s) => s);
  const badges = panels.map((p) => p.badge?.(state) ?? null);
  const availability = panels.map((p) => p.available(state));
  const current = panels.find((p) => p.id === active) ?? panels[0];
  if (current === undefined) return null;
  const Body = current.component;
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    const i = panels.indexOf(current);
    const next = panels[(i + (e.key === 'ArrowRight' ? 1 : panels.length - 1)) % panels.length]!;
    setActive(dock, next.id);
    document.getElementById(`tab-${dock}-${next.id}`)?.focus();
  };
  return (
    <section className="dock" aria-label={label}>
      <div className="tabs" role="tablist" aria-label={label} onKeyDown={onKeyDown}>
        {panels.map((p, i) => {
          const badge = badges[i];
          const selected = p.id === current.id;
          return (
            <button
              key={p.id}
              id={`tab-${dock}-${p.id}`}
              type="button"
              role="tab"
              aria-selected={selected}
              aria-controls={`panel-${dock}-${p.id}`}
              tabIndex={selected ? 0 : -1}
              className={`tab ${selected ? 'active' : ''} ${availability[i] ? 'has-data' : ''}`}
              onClick={() => setActive(dock, p.id)}
            >
              <Icon name={p.icon} size={14} />
              {p.title}
              {badge !== null && badge !== undefined && (
                <span className={`badge badge-${badge.tone}`}>{badge.text}</span>
              )}
            </button>
          );
        })}
      </div>
      <div
        className="dock-body"
        role="tabpanel"
        id={`panel-${dock}-${current.id}`}
        aria-labelledby={`tab-${dock}-${current.id}`}
      >
        <Body />
      </div>
    </section>
  );
}
