/**
 * A ring buffer's or perf event array's records as a stream, newest last: what a user-space reader
 * polling the buffer saw after each run or firing (decoded with the record's BTF type when known).
 * Only the newest rows are drawn; the count says how many arrived.
 */
import { useShallow } from 'zustand/react/shallow';
import { usePlayground } from '../context';
import './stepping.css';

/** Rows drawn: the stream keeps more (EVENTS_LIMIT) but a reader looks at the newest. */
const SHOWN = 200;

export const STREAMED_MAP = /^(ringbuf|perf_event_array|user_ringbuf)$/;

export function EventStream({ map }: { map: string }) {
  const events = usePlayground(useShallow((s) => s.events.filter((e) => e.map === map)));
  if (events.length === 0) {
    return <div className="muted small pad">No records yet: they stream here as the program submits them.</div>;
  }
  const shown = events.slice(-SHOWN);
  return (
    <div className="event-stream">
      <div className="muted small">
        {events.length} record{events.length === 1 ? '' : 's'}
        {events.length > SHOWN ? ` · newest ${SHOWN} shown` : ''}
      </div>
      <ol className="event-list mono" role="log" aria-label={`Records from ${map}`}>
        {shown.map((e, i) => (
          <li key={events.length - shown.length + i}>
            <span className="muted">
              run {e.run} · cpu {e.cpu}
            </span>{' '}
            {e.text}
          </li>
        ))}
      </ol>
    </div>
  );
}
