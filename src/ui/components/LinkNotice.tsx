/**
 * What the page says about the link it was opened with: a link that could not be read (and that
 * the default program is shown instead), or a shared program on screen while the visitor's own
 * saved program is kept aside — with the way back.
 */
import { useActions } from '../context';
import { usePlayground } from '../context';
import { Icon } from './Icon';

export function LinkNotice() {
  const notice = usePlayground((s) => s.linkNotice);
  const paused = usePlayground((s) => s.autosavePaused);
  const embed = usePlayground((s) => s.embed !== null);
  const setNotice = usePlayground((s) => s.setLinkNotice);
  const actions = useActions();
  if (notice === null || embed) return null;
  const tone = notice.tone === 'error' ? 'banner-error' : notice.tone === 'warning' ? 'banner-warn' : 'banner-info';
  return (
    <div className={`banner ${tone}`} role={notice.tone === 'error' ? 'alert' : 'status'} data-testid="link-notice">
      <Icon name={notice.tone === 'info' ? 'link' : 'alert'} size={16} />
      <span className="banner-text">{notice.text}</span>
      {paused && (
        <>
          <button type="button" className="btn btn-small" onClick={() => actions?.backToMine()}>
            Back to my program
          </button>
          {notice.tone === 'info' && (
            <button type="button" className="btn btn-small btn-ghost" onClick={() => void actions?.keepShared()}>
              Keep this one as mine
            </button>
          )}
        </>
      )}
      {!paused && (
        <button type="button" className="icon-btn" aria-label="Dismiss" onClick={() => setNotice(null)}>
          <Icon name="close" size={14} />
        </button>
      )}
    </div>
  );
}
