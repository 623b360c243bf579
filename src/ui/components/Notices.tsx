/** Toasts (bottom right) and the conflict banner (another tab saved different text). */
import { useEffect } from 'react';
import { usePlayground } from '../context';
import { Icon } from './Icon';

export function Notices() {
  const notices = usePlayground((s) => s.notices);
  const dismiss = usePlayground((s) => s.dismiss);
  useEffect(() => {
    const timers = notices.map((n) => setTimeout(() => dismiss(n.id), n.tone === 'error' ? 9000 : 5000));
    return () => timers.forEach(clearTimeout);
  }, [notices, dismiss]);
  return (
    <div className="toasts" aria-live="polite" role="status">
      {notices.map((n) => (
        <div key={n.id} className={`toast toast-${n.tone}`}>
          <Icon name={n.tone === 'error' ? 'alert' : n.tone === 'success' ? 'check' : 'info'} size={16} />
          <span>{n.text}</span>
          <button type="button" className="icon-btn" aria-label="Dismiss" onClick={() => dismiss(n.id)}>
            <Icon name="close" size={14} />
          </button>
        </div>
      ))}
    </div>
  );
}

export function ConflictBanner({ onResolve }: { onResolve: (keep: 'mine' | 'theirs') => void }) {
  const conflict = usePlayground((s) => s.conflict);
  if (conflict === null) return null;
  return (
    <div className="banner banner-warn" role="alert">
      <Icon name="alert" size={16} />
      <span>
        This program was changed in another tab. Your text here is kept until you choose which version to keep.
      </span>
      <button type="button" className="btn btn-small" onClick={() => onResolve('mine')}>
        Keep mine
      </button>
      <button type="button" className="btn btn-small btn-ghost" onClick={() => onResolve('theirs')}>
        Load the other tab’s
      </button>
    </div>
  );
}
