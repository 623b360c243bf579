/** The examples gallery: cards (title, summary, program type), a text filter and category chips. */
import { useMemo, useState } from 'react';
import { CATEGORIES, GALLERY, type Example, type ExampleCategory } from '../../examples';
import { useActions, usePlayground } from '../context';
import { Icon } from './Icon';
import { Modal } from './Modal';

const CATEGORY_TITLES: Record<ExampleCategory, string> = {
  packets: 'Packets',
  tracing: 'Tracing',
  verifier: 'Verifier lessons',
};

function matches(e: Example, words: readonly string[]): boolean {
  const text =
    `${e.meta.title} ${e.meta.summary} ${e.meta.program.type} ${e.meta.program.section} ${e.id}`.toLowerCase();
  return words.every((w) => text.includes(w));
}

export function Gallery({ examples = GALLERY }: { examples?: readonly Example[] }) {
  const overlay = usePlayground((s) => s.overlay);
  const setOverlay = usePlayground((s) => s.setOverlay);
  const selection = usePlayground((s) => s.selection);
  const actions = useActions();
  const [query, setQuery] = useState('');
  const [category, setCategory] = useState<ExampleCategory | 'all'>('all');
  const shown = useMemo(() => {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    return examples.filter((e) => (category === 'all' || e.meta.category === category) && matches(e, words));
  }, [examples, query, category]);
  if (overlay !== 'gallery') return null;
  const counts = (c: ExampleCategory) => examples.filter((e) => e.meta.category === c).length;
  return (
    <Modal title="Examples" onClose={() => setOverlay(null)} wide>
      <div className="gallery-filters" role="search">
        <input
          type="search"
          className="gallery-search"
          placeholder="Filter: drop, map, kprobe, checksum…"
          aria-label="Filter examples"
          value={query}
          data-autofocus
          onChange={(e) => setQuery(e.target.value)}
        />
        <div className="chip-row" role="radiogroup" aria-label="Category">
          {(['all', ...CATEGORIES] as const).map((c) => (
            <button
              key={c}
              type="button"
              role="radio"
              aria-checked={category === c}
              className={`chip ${category === c ? 'chip-on' : ''}`}
              onClick={() => setCategory(c)}
            >
              {c === 'all' ? `All ${examples.length}` : `${CATEGORY_TITLES[c]} ${counts(c)}`}
            </button>
          ))}
        </div>
      </div>
      {shown.length === 0 ? (
        <p className="gallery-empty">No example matches “{query}”.</p>
      ) : (
        <ul className="gallery-grid" aria-label="Examples">
          {shown.map((e) => {
            const current = selection?.kind === 'example' && selection.id === e.id;
            return (
              <li key={e.id}>
                <button
                  type="button"
                  className={`gallery-card cat-${e.meta.category} ${current ? 'current' : ''}`}
                  aria-label={`Open example: ${e.meta.title}`}
                  onClick={() => void actions?.openExample(e)}
                >
                  <span className="card-top">
                    <span className={`type-badge type-${e.meta.program.type}`}>{e.meta.program.type}</span>
                    <span className="card-cat">{CATEGORY_TITLES[e.meta.category]}</span>
                    {current && <span className="card-current">open</span>}
                  </span>
                  <span className="card-title">{e.meta.title}</span>
                  <span className="card-summary">{e.meta.summary}</span>
                  <span className="card-foot mono">
                    <Icon name={e.meta.inputs.kind === 'attach' ? 'terminal' : 'packet'} size={13} />
                    {e.meta.inputs.kind === 'attach'
                      ? `workload ${'preset' in e.meta.inputs.workload ? e.meta.inputs.workload.preset : '(custom)'}`
                      : `${e.meta.inputs.packets.length} packet${e.meta.inputs.packets.length === 1 ? '' : 's'}`}
                    <span className="card-file">{e.fileName}</span>
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </Modal>
  );
}
