/**
 * Inputs for tracing programs: the workload the simulated kernel plays (a preset or your own text,
 * parsed as you type with the problems shown per line) and where the programs attach (derived from
 * the SEC() names, or edited).
 */
import { useMemo, useState } from 'react';
import {
  attachmentFromSection,
  parseAttachment,
  parseWorkload,
  WORKLOAD_PRESETS,
  WorkloadError,
} from '../../bpf/kernel';
import { Icon } from '../components/Icon';
import { usePlayground } from '../context';

const NO_PROGRAMS: readonly { name: string; section: string }[] = [];

function workloadProblems(text: string): { line: number; message: string }[] {
  try {
    parseWorkload(text);
    return [];
  } catch (e) {
    if (e instanceof WorkloadError) return [...e.problems];
    return [{ line: 0, message: e instanceof Error ? e.message : String(e) }];
  }
}

function attachmentProblem(spec: string, programs: readonly { name: string; section: string }[]): string | null {
  const eq = spec.lastIndexOf('=');
  try {
    parseAttachment(eq < 0 ? spec : spec.slice(0, eq));
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
  // By function or section name, as the loader finds programs: BCC's `int xdp(…)` becomes xdp_prog in SEC("xdp").
  const fn = spec.slice(eq + 1);
  if (eq >= 0 && programs.length > 0 && !programs.some((p) => p.name === fn || p.section === fn))
    return `no function ${fn} in the program (${programs.map((p) => p.name).join(', ')})`;
  if (eq < 0 && programs.length > 1) return 'the program has several functions: say which one with =FUNCTION';
  return null;
}

export function WorkloadInputs() {
  const workload = usePlayground((s) => s.workload);
  const setWorkload = usePlayground((s) => s.setWorkload);
  const attachments = usePlayground((s) => s.attachments);
  const setAttachments = usePlayground((s) => s.setAttachments);
  const programs = usePlayground((s) => (s.load?.status === 'ok' ? s.load.value.programs : NO_PROGRAMS));
  const preset = 'preset' in workload ? WORKLOAD_PRESETS.find((p) => p.name === workload.preset) : undefined;
  const text = 'text' in workload ? workload.text : (preset?.text ?? '');
  const problems = useMemo(() => workloadProblems(text), [text]);
  const derived = useMemo(
    () =>
      programs.flatMap((p) => {
        if (p.section === 'xdp' || p.section.startsWith('xdp')) return [`xdp:eth0=${p.name}`];
        try {
          const a = attachmentFromSection(p.section);
          return a === null ? [] : [`${a.type}:${a.target}=${p.name}`];
        } catch {
          return [];
        }
      }),
    [programs],
  );
  const [draft, setDraft] = useState('');

  return (
    <div className="workload-inputs">
      <section aria-label="Workload">
        <div className="section-label">Workload</div>
        <div className="row gap">
          <select
            aria-label="Workload preset"
            value={preset?.name ?? ''}
            onChange={(e) => setWorkload(e.target.value === '' ? { text } : { preset: e.target.value })}
          >
            {WORKLOAD_PRESETS.map((p) => (
              <option key={p.name} value={p.name}>
                {p.name}
              </option>
            ))}
            <option value="">custom (edited)</option>
          </select>
          <span className="hint-inline">{preset?.description ?? 'Your own workload text.'}</span>
        </div>
        <textarea
          className={`workload-text mono ${problems.length > 0 ? 'invalid' : ''}`}
          aria-label="Workload text"
          aria-invalid={problems.length > 0}
          spellCheck={false}
          rows={Math.min(12, Math.max(5, text.split('\n').length + 1))}
          value={text}
          onChange={(e) => setWorkload({ text: e.target.value })}
        />
        {problems.length > 0 ? (
          <ul className="workload-problems" role="alert" aria-label="Workload problems">
            {problems.map((p, i) => (
              <li key={i}>
                {p.line > 0 && <span className="mono">line {p.line}:</span>} {p.message}
              </li>
            ))}
          </ul>
        ) : (
          <p className="hint">
            One statement per line: <code>at 10ms: bash runs "ls /tmp"</code>,{' '}
            <code>after 5ms: ping 10.0.0.2 3 times</code>, <code>curl connects to 1.2.3.4:80 and sends 2 KiB</code>,{' '}
            <code>dd writes 1 MiB to /dev/sda</code>.
          </p>
        )}
      </section>
      <section aria-label="Attachments">
        <div className="section-label">Attach points</div>
        {attachments.length === 0 ? (
          <>
            <p className="hint">
              {derived.length > 0
                ? 'From the SEC() names, as libbpf attaches them:'
                : programs.length === 0
                  ? 'Compile the program to see where its SEC() names attach it.'
                  : 'No SEC() name says where to attach: add an attach point.'}
            </p>
            <ul className="attach-list">
              {derived.map((d) => (
                <li key={d} className="attach-row derived mono">
                  <Icon name="link" size={13} /> {d.replace('=', ' → ')}
                  <span className="pill pill-muted">auto</span>
                </li>
              ))}
            </ul>
            {derived.length > 0 && (
              <button type="button" className="btn btn-small btn-ghost" onClick={() => setAttachments([...derived])}>
                <Icon name="edit" size={13} /> Edit attach points
              </button>
            )}
          </>
        ) : (
          <ul className="attach-list">
            {attachments.map((a, i) => {
              const problem = attachmentProblem(a, programs);
              return (
                <li key={i} className="attach-row">
                  <input
                    className={`mono ${problem !== null ? 'invalid' : ''}`}
                    aria-label={`Attach point ${i + 1}`}
                    aria-invalid={problem !== null}
                    value={a}
                    spellCheck={false}
                    onChange={(e) => setAttachments(attachments.map((x, j) => (j === i ? e.target.value : x)))}
                  />
                  <button
                    type="button"
                    className="icon-btn"
                    aria-label={`Remove attach point ${i + 1}`}
                    onClick={() => setAttachments(attachments.filter((_, j) => j !== i))}
                  >
                    <Icon name="close" size={14} />
                  </button>
                  {problem !== null && <span className="field-error">{problem}</span>}
                </li>
              );
            })}
          </ul>
        )}
        <form
          className="row gap attach-add"
          onSubmit={(e) => {
            e.preventDefault();
            if (draft.trim() === '') return;
            setAttachments([...(attachments.length === 0 ? derived : attachments), draft.trim()]);
            setDraft('');
          }}
        >
          <input
            className="mono"
            aria-label="New attach point"
            placeholder="kprobe:tcp_connect=FUNCTION"
            value={draft}
            spellCheck={false}
            onChange={(e) => setDraft(e.target.value)}
          />
          <button type="submit" className="btn btn-small">
            <Icon name="plus" size={13} /> Add
          </button>
          {attachments.length > 0 && (
            <button type="button" className="btn btn-small btn-ghost" onClick={() => setAttachments([])}>
              Use SEC() names
            </button>
          )}
        </form>
        <p className="hint">
          <code>kprobe:FN</code>, <code>kretprobe:FN</code>, <code>tracepoint:CATEGORY:NAME</code>,{' '}
          <code>raw_tracepoint:NAME</code>, <code>xdp:eth0</code> — then <code>=FUNCTION</code> to pick the program.
        </p>
      </section>
    </div>
  );
}
