/** A tab strip over the panels of one dock; hidden panels are left out, the active one is shown. */
import { usePlayground } from '../context';
import { panelsIn } from '../panels/registry';
import type { Dock as DockId } from '../store/types';
import { Icon } from './Icon';

export function Dock({ dock, label }: { dock: DockId; label: string }) {
  const hidden = usePlayground((s) => s.hiddenPanels);
  const active = usePlayground((s) => s.activeTab[dock]);
  const setActive = usePlayground((s) => s.setActiveTab);
  const panels = panelsIn(dock).filter((p) => !hidden.includes(p.id));
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
    document.getElementById(`tab-${next.id}`)?.focus();
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
              id={`tab-${p.id}`}
              type="button"
              role="tab"
              aria-selected={selected}
              aria-controls={`panel-${p.id}`}
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
      <div className="dock-body" role="tabpanel" id={`panel-${current.id}`} aria-labelledby={`tab-${current.id}`}>
        <Body />
      </div>
    </section>
  );
}
