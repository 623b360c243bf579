/** Share: the link to this program (copied with one click) and an embed snippet with chosen panels. */
import { useMemo, useState } from 'react';
import { useActions, usePlayground } from '../context';
import { PANELS } from '../panels/registry';
import type { PanelId } from '../store/types';
import { Icon } from './Icon';
import { Modal } from './Modal';

async function copyText(text: string, field: HTMLInputElement | HTMLTextAreaElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No clipboard permission (insecure context, iframe): select the text for Ctrl+C.
    field?.select();
    return document.execCommand?.('copy') ?? false;
  }
}

/** `?embed&panels=…` (and `?present`) on this page's address, with the program in the fragment. */
export function embedUrl(link: string, panels: readonly PanelId[], theme: string): string {
  const url = new URL(link);
  url.search = '';
  const params = [`embed`, `panels=${panels.join(',')}`, ...(theme === 'system' ? [] : [`theme=${theme}`])];
  return `${url.origin}${url.pathname}?${params.join('&')}${url.hash}`;
}

export function embedSnippet(src: string, height: number): string {
  const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  return `<iframe src="${attr(src)}" title="eBPF Playground" width="100%" height="${height}" style="border:1px solid #d0d4de;border-radius:8px" loading="lazy" allow="clipboard-write"></iframe>`;
}

function CopyField({ label, value, multiline = false }: { label: string; value: string; multiline?: boolean }) {
  const [copied, setCopied] = useState(false);
  const [field, setField] = useState<HTMLInputElement | HTMLTextAreaElement | null>(null);
  return (
    <div className="copy-field">
      <label className="copy-label">
        <span>{label}</span>
        {multiline ? (
          <textarea
            ref={setField}
            className="mono"
            readOnly
            rows={4}
            value={value}
            onFocus={(e) => e.target.select()}
          />
        ) : (
          <input ref={setField} className="mono" readOnly value={value} onFocus={(e) => e.target.select()} />
        )}
      </label>
      <button
        type="button"
        className={`btn ${copied ? '' : 'btn-primary'}`}
        onClick={() =>
          void copyText(value, field).then((ok) => {
            setCopied(ok);
            if (ok) setTimeout(() => setCopied(false), 2500);
          })
        }
      >
        <Icon name={copied ? 'check' : 'copy'} size={15} />
        {copied ? 'Copied' : `Copy ${label.toLowerCase().startsWith('embed') ? 'snippet' : 'link'}`}
      </button>
    </div>
  );
}

export function ShareDialog() {
  const overlay = usePlayground((s) => s.overlay);
  const setOverlay = usePlayground((s) => s.setOverlay);
  // Re-read the link whenever the dialog opens (the state it encodes is the page's now).
  const actions = useActions();
  const result = useMemo(
    () => (overlay === 'share' && actions !== null ? actions.shareLink() : null),
    [overlay, actions],
  );
  const [panels, setPanels] = useState<PanelId[]>(['trace', 'maps']);
  const [height, setHeight] = useState(480);
  const [theme, setTheme] = useState('system');
  if (overlay !== 'share' || result === null) return null;
  const close = () => setOverlay(null);
  return (
    <Modal title="Share this program" onClose={close} wide>
      {'error' in result ? (
        <div className="banner banner-error" role="alert">
          <Icon name="alert" size={16} />
          <span className="banner-text">{result.error}</span>
        </div>
      ) : (
        <>
          <p className="modal-text">
            The link holds the whole program — source, build options, inputs, map pre-seeds and panels — so it works
            without any server. Anyone who opens it sees exactly this.
          </p>
          <CopyField label="Link" value={result.link} />
          <p className="modal-note">
            {(result.link.length / 1024).toFixed(1)} KiB · the address bar already follows your edits, so you can also
            copy it from there.
          </p>
          <h3 className="modal-sub">Embed in a course page or slides</h3>
          <fieldset className="embed-options">
            <legend>Panels beside the editor</legend>
            {PANELS.map((p) => (
              <label key={p.id} className="check-chip">
                <input
                  type="checkbox"
                  checked={panels.includes(p.id)}
                  onChange={(e) =>
                    setPanels((cur) =>
                      e.target.checked
                        ? PANELS.map((x) => x.id).filter((id) => id === p.id || cur.includes(id))
                        : cur.filter((id) => id !== p.id),
                    )
                  }
                />
                {p.title}
              </label>
            ))}
            <label className="inline-select">
              Height
              <select aria-label="Embed height" value={height} onChange={(e) => setHeight(Number(e.target.value))}>
                {[360, 480, 600, 720].map((h) => (
                  <option key={h} value={h}>
                    {h}px
                  </option>
                ))}
              </select>
            </label>
            <label className="inline-select">
              Theme
              <select aria-label="Embed theme" value={theme} onChange={(e) => setTheme(e.target.value)}>
                <option value="system">Visitor’s</option>
                <option value="light">Light</option>
                <option value="dark">Dark</option>
              </select>
            </label>
          </fieldset>
          <CopyField
            label="Embed snippet"
            value={embedSnippet(embedUrl(result.link, panels, theme), height)}
            multiline
          />
          <p className="modal-note">
            Embedded playgrounds never touch the visitor’s saved work; “Open in playground” takes the program to the
            full page.{' '}
            <a href={embedUrl(result.link, panels, theme)} target="_blank" rel="noreferrer">
              Preview the embed
            </a>
          </p>
        </>
      )}
    </Modal>
  );
}
