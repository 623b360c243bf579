/**
 * Lesson checks: the learner's object loaded afresh, verified, run on the step's hidden inputs, and
 * each expectation (verdicts, trace_pipe lines, map contents) answered with what actually happened.
 * Nothing on the page changes: the check has its own load, maps and kernel.
 */
import type { CheckItem, CheckOutcome, CheckRequest, MapExpectation, MapSnapshot, TraceExpectation } from '../protocol';
import { playAttached } from './attach';
import type { LoadedCore, RuntimeCore } from './core';

function traceItems(messages: readonly string[], expectations: readonly TraceExpectation[]): CheckItem[] {
  return expectations.map((t) => {
    const re = new RegExp(t.pattern);
    const hits = messages.filter((m) => re.test(m)).length;
    const min = t.min ?? 1;
    const seen = messages.length === 0 ? 'trace_pipe stayed empty' : `${hits} of ${messages.length} trace_pipe lines match`; // prettier-ignore
    return { label: t.label, ok: hits >= min, detail: hits >= min ? `${hits} matching line${hits === 1 ? '' : 's'}` : `${seen}; expected at least ${min}` }; // prettier-ignore
  });
}

/** Little-endian unsigned value of hex bytes. */
const leValue = (hex: string): bigint => {
  let v = 0n;
  for (let i = hex.length - 2; i >= 0; i -= 2) v = (v << 8n) | BigInt(parseInt(hex.slice(i, i + 2), 16));
  return v;
};

function mapItems(maps: readonly MapSnapshot[], expectations: readonly MapExpectation[]): CheckItem[] {
  return expectations.map((e) => {
    const label = `${e.map}[${e.key}] = ${leValue(e.value)}`;
    const map = maps.find((m) => m.name === e.map);
    if (map === undefined) return { label, ok: false, detail: `there is no map called "${e.map}"` };
    const entry = map.entries.find((x) => x.key === e.key);
    if (entry === undefined) return { label, ok: false, detail: `${e.map} has no entry for key ${e.key}` };
    const got = typeof entry.value === 'string' ? leValue(entry.value) : entry.value.reduce((a, v) => a + leValue(v), 0n); // prettier-ignore
    const want = leValue(e.value);
    return { label, ok: got === want, detail: got === want ? `it is ${got}` : `it is ${got}, expected ${want}` };
  });
}

export function runCheck(req: CheckRequest, core: RuntimeCore<LoadedCore>): CheckOutcome {
  if (core.loader === null || core.verify === null || core.run === null || core.editMap === null)
    throw new Error('The runtime cannot run checks in this build.');
  const { programs, handle } = core.loader.load(req.object, 'prog');
  const chosen = req.program === null ? programs[0] : programs.find((p) => p.section === req.program || p.name === req.program); // prettier-ignore
  if (chosen === undefined) {
    return { passed: false, items: [{ label: 'The program loads', ok: false, detail: 'the object has no such program (is SEC(...) right?)' }] }; // prettier-ignore
  }
  const items: CheckItem[] = [];
  const check = req.check;
  if (check.kind === 'packets') {
    const report = core.verify(handle, chosen.name, req.privileged);
    items.push({
      label: 'The verifier accepts the program',
      ok: report.accepted,
      detail: report.accepted ? 'accepted' : `rejected: ${report.error?.message ?? 'see the Verifier panel'}`,
    });
    if (!report.accepted) return { passed: false, items };
    for (const seed of check.seeds) core.editMap(handle, chosen.name, req.privileged, seed);
    const run = core.run(
      handle,
      chosen.name,
      req.privileged,
      check.packets.map((p) => p.bytes),
      1,
    );
    check.packets.forEach((p, i) => {
      const r = run.runs[i];
      const got = r === undefined ? 'no run' : r.error !== null ? `an error (${r.error})` : r.verdict;
      items.push({ label: `${p.label} → ${p.verdict}`, ok: got === p.verdict, detail: `got ${got}` });
    });
    items.push(
      ...traceItems(
        run.runs.flatMap((r) => r.trace.map((t) => t.message)),
        check.trace,
      ),
    );
    items.push(...mapItems(run.maps, check.maps));
  } else {
    const messages: string[] = [];
    let summary;
    try {
      summary = playAttached(handle.object, req.privileged, { workload: check.workload, attachments: check.attachments, seeds: [], seed: 1, runId: 0 }, (b) => { for (const f of b.firings) messages.push(...f.trace.map((t) => t.message)); }); // prettier-ignore
    } catch (e) {
      items.push({
        label: 'The program attaches and runs',
        ok: false,
        detail: e instanceof Error ? e.message : String(e),
      });
      return { passed: false, items };
    }
    items.push({
      label: 'The program attaches and fires',
      ok: summary.firings > 0 && summary.errors === 0,
      detail: `${summary.firings} firing${summary.firings === 1 ? '' : 's'} on ${summary.plan.map((p) => p.attachment).join(', ')}${summary.errors > 0 ? `, ${summary.errors} with errors` : ''}`,
    });
    items.push(...traceItems(messages, check.trace));
    for (const name of check.nonEmptyMaps) {
      const map = summary.maps.find((m) => m.name === name);
      const used = map?.entries.filter((e) => (typeof e.value === 'string' ? [e.value] : e.value).some((v) => /[^0]/.test(v))).length ?? 0; // prettier-ignore
      items.push({ label: `The map "${name}" fills up`, ok: used > 0, detail: map === undefined ? `there is no map called "${name}"` : `${used} non-zero entr${used === 1 ? 'y' : 'ies'}` }); // prettier-ignore
    }
  }
  return { passed: items.every((i) => i.ok), items };
}
