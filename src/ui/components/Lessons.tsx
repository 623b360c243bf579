/** Lessons: the track list (overlay) and the step pane beside the editor (prose, hints, check). */
import { useState, type ReactNode } from 'react';
import { findTrack, TRACKS } from '../lessons';
import { trackProgress } from '../lessons/progress';
import { useActions, usePlayground } from '../context';
import { Icon } from './Icon';
import { Modal } from './Modal';

/** `backticks` become code; everything is text (lesson prose is never HTML). */
export function Prose({ text }: { text: string }): ReactNode {
  return text
    .split(/(`[^`]+`)/)
    .map((part, i) =>
      part.startsWith('`') && part.endsWith('`') && part.length > 1 ? (
        <code key={i}>{part.slice(1, -1)}</code>
      ) : (
        <span key={i}>{part}</span>
      ),
    );
}

export function LessonsOverlay() {
  const overlay = usePlayground((s) => s.overlay);
  const setOverlay = usePlayground((s) => s.setOverlay);
  const progress = usePlayground((s) => s.progress);
  const actions = useActions();
  if (overlay !== 'lessons') return null;
  return (
    <Modal title="Lessons" onClose={() => setOverlay(null)} wide>
      {TRACKS.map((track) => {
        const p = trackProgress(progress, track.id);
        const done = track.steps.filter((s) => p.passed.includes(s.id)).length;
        return (
          <section key={track.id} className="track" aria-label={track.title}>
            <header className="track-head">
              <div>
                <h3>{track.title}</h3>
                <p className="modal-text">{track.summary}</p>
              </div>
              <div className="track-actions">
                <span className="track-count">
                  {done} of {track.steps.length} done
                </span>
                <button
                  type="button"
                  className="btn btn-primary"
                  data-autofocus
                  onClick={() => void actions?.openLessonStep(track.id, Math.min(p.current, track.steps.length - 1))}
                >
                  <Icon name="play" size={14} />
                  {done === 0 && p.current === 0 ? 'Start' : 'Continue'}
                </button>
              </div>
            </header>
            <div className="track-bar" aria-hidden="true">
              <span style={{ width: `${(100 * done) / track.steps.length}%` }} />
            </div>
            <ol className="track-steps">
              {track.steps.map((step, i) => (
                <li key={step.id}>
                  <button
                    type="button"
                    className={`track-step ${p.passed.includes(step.id) ? 'passed' : ''}`}
                    onClick={() => void actions?.openLessonStep(track.id, i)}
                  >
                    <span className="step-num">
                      {p.passed.includes(step.id) ? <Icon name="check" size={13} /> : i + 1}
                    </span>
                    <span className="step-title">{step.title}</span>
                    <span className="step-kind">{step.check.kind === 'attach' ? 'tracing' : 'XDP'}</span>
                  </button>
                </li>
              ))}
            </ol>
          </section>
        );
      })}
    </Modal>
  );
}

export function LessonPane() {
  const selection = usePlayground((s) => s.selection);
  const progress = usePlayground((s) => s.progress);
  const check = usePlayground((s) => s.check);
  const actions = useActions();
  const [hints, setHints] = useState<{ step: string; shown: number }>({ step: '', shown: 0 });
  if (selection?.kind !== 'lesson') return null;
  const track = findTrack(selection.lesson);
  const step = track?.steps[selection.step];
  if (track === null || step === undefined) return null;
  const p = trackProgress(progress, track.id);
  const shownHints = hints.step === step.id ? hints.shown : 0;
  const passed = p.passed.includes(step.id);
  const last = selection.step === track.steps.length - 1;
  return (
    <aside className="lesson-pane" aria-label="Lesson">
      <header className="lesson-head">
        <div className="lesson-track">
          <Icon name="book" size={14} />
          <span>{track.title}</span>
          <button
            type="button"
            className="icon-btn"
            aria-label="Leave the lesson"
            title="Leave the lesson"
            onClick={() => actions?.leaveLesson()}
          >
            <Icon name="close" size={14} />
          </button>
        </div>
        <ol className="lesson-dots" aria-label="Steps">
          {track.steps.map((s, i) => (
            <li key={s.id}>
              <button
                type="button"
                className={`dot-btn ${i === selection.step ? 'current' : ''} ${p.passed.includes(s.id) ? 'passed' : ''}`}
                aria-label={`Step ${i + 1}: ${s.title}${p.passed.includes(s.id) ? ' (done)' : ''}`}
                aria-current={i === selection.step ? 'step' : undefined}
                onClick={() => void actions?.openLessonStep(track.id, i)}
              />
            </li>
          ))}
        </ol>
        <h2 className="lesson-title">
          <span className="lesson-step-no">
            Step {selection.step + 1} of {track.steps.length}
            <span className="lesson-nav">
              <button
                type="button"
                className="icon-btn"
                disabled={selection.step === 0}
                aria-label="Previous step"
                onClick={() => void actions?.openLessonStep(track.id, selection.step - 1)}
              >
                ‹
              </button>
              <button
                type="button"
                className="icon-btn"
                disabled={last}
                aria-label="Next step"
                onClick={() => void actions?.openLessonStep(track.id, selection.step + 1)}
              >
                ›
              </button>
            </span>
          </span>
          {step.title}
          {passed && (
            <span className="pill pill-ok" title="You passed this step's check">
              <Icon name="check" size={12} /> done
            </span>
          )}
        </h2>
      </header>
      <div className="lesson-body">
        {step.prose.map((para, i) => (
          <p key={i}>
            <Prose text={para} />
          </p>
        ))}
        <div className="lesson-goal">
          <strong>Goal</strong> {step.goal}
        </div>
        {step.hints.slice(0, shownHints).map((h, i) => (
          <div key={i} className="lesson-hint">
            <span className="hint-label">Hint {i + 1}</span>
            <code>{h}</code>
          </div>
        ))}
        {check !== null && (
          <div className="check-result" role="status" aria-live="polite" data-testid="check-result">
            {check.status === 'running' ? (
              <span className="check-running">
                <span className="spinner" aria-hidden="true" /> Checking on hidden inputs…
              </span>
            ) : check.result.status !== 'ok' ? (
              <span className="check-fail">
                {check.result.status === 'error' ? check.result.message : check.result.reason}
              </span>
            ) : (
              <>
                <div className={`check-verdict ${check.result.value.passed ? 'ok' : 'fail'}`}>
                  <Icon name={check.result.value.passed ? 'check' : 'alert'} size={16} />
                  {check.result.value.passed ? 'Check passed — well done!' : 'Not yet: some expectations failed.'}
                </div>
                <ul className="check-items">
                  {check.result.value.items.map((item, i) => (
                    <li key={i} className={item.ok ? 'ok' : 'fail'}>
                      <Icon name={item.ok ? 'check' : 'close'} size={13} />
                      <span className="check-label">{item.label}</span>
                      <span className="check-detail">{item.detail}</span>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </div>
        )}
      </div>
      <footer className="lesson-foot">
        <button
          type="button"
          className="btn btn-primary"
          disabled={check?.status === 'running'}
          onClick={() => void actions?.checkLessonStep()}
        >
          <Icon name="check" size={15} />
          Check
        </button>
        <button
          type="button"
          className="btn"
          disabled={shownHints >= step.hints.length}
          onClick={() => setHints({ step: step.id, shown: shownHints + 1 })}
        >
          {shownHints >= step.hints.length ? 'No more hints' : shownHints === 0 ? 'Hint' : 'Another hint'}
        </button>
        <button type="button" className="btn btn-ghost" onClick={() => void actions?.resetLessonStep()}>
          <Icon name="reset" size={14} />
          Reset
        </button>
        {passed && !last && (
          <button
            type="button"
            className="btn btn-primary lesson-next"
            onClick={() => void actions?.openLessonStep(track.id, selection.step + 1)}
          >
            Next step →
          </button>
        )}
      </footer>
    </aside>
  );
}
