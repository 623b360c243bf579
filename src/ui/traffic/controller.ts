/**
 * Starting and cancelling traffic runs from the page: the program is compiled and loaded first
 * (as Run does), the run goes to the runtime worker, progress events land in the store, and at
 * the end the Maps panel shows the maps as the run left them.
 */
import type { Reply, Stage, TrafficSummary } from '../../protocol';
import type { CommandContext } from '../commands';
import { trafficRequest } from './request';

let lastRunId = 0;

const stageOf = (reply: Reply<Stage<TrafficSummary>>): Stage<TrafficSummary> | null =>
  reply.status === 'ok'
    ? reply.value
    : reply.status === 'stale'
      ? null
      : { status: 'error', message: reply.status === 'error' ? reply.message : reply.reason };

export async function startTraffic({ store, pipeline }: CommandContext): Promise<void> {
  const get = () => store.getState();
  if (get().traffic.running) return;
  const s0 = get();
  // An opened object file is run as it is; the editor's text is compiled only when nothing is loaded.
  if (s0.load?.status !== 'ok' && s0.opened === null) await pipeline.compileNow();
  const s = get();
  if (s.load?.status !== 'ok') {
    s.notify('info', 'Traffic run: the program has to compile and load first.');
    return;
  }
  if (s.verifier?.status === 'ok' && !s.verifier.value.accepted) {
    s.notify('error', 'Traffic run: the verifier rejected the program, so it cannot run.');
    return;
  }
  const runId = ++lastRunId;
  let request;
  try {
    request = trafficRequest(runId, s.trafficConfig, s.packets, s.load.value.maps);
  } catch (e) {
    s.notify('error', `Traffic run: ${e instanceof Error ? e.message : String(e)}`);
    return;
  }
  s.trafficStarted(runId, request.packets, request.ratePps, s.load);
  const result = stageOf(await pipeline.runtime.call('traffic', request, { channel: 'traffic' }));
  if (result === null) return;
  get().trafficFinished(runId, result);
  // A run stopped by a reload belongs to the old program: its maps are not the ones on screen.
  if (result.status === 'ok' && result.value.outcome !== 'stopped') get().mapsChanged(result.value.maps);
}

export async function cancelTraffic({ store, pipeline }: CommandContext): Promise<void> {
  const { traffic } = store.getState();
  if (!traffic.running) return;
  await pipeline.runtime.call('trafficCancel', { runId: traffic.runId });
}
