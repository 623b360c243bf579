/** Every map of the object after the last run: BTF-typed text where known, raw hex on demand. */
import { useState } from 'react';
import type { MapSnapshot } from '../../protocol';
import { usePlayground } from '../context';
import { Blocked, compileBlocker, stageBlocker } from './gate';

const spaced = (hex: string) => hex.match(/../g)?.join(' ') ?? '';

function MapTable({ map, raw }: { map: MapSnapshot; raw: boolean }) {
  const perCpu = map.entries.some((e) => Array.isArray(e.value));
  return (
    <section className="map-card" aria-label={`Map ${map.name}`}>
      <header className="map-head">
        <span className="map-name mono">{map.name}</span>
        <span className="pill">{map.type}</span>
        <span className="muted small">
          key {map.keySize} B · value {map.valueSize} B · max {map.maxEntries} · {map.entries.length} entries
        </span>
      </header>
      {map.entries.length === 0 ? (
        <div className="muted small pad">empty</div>
      ) : (
        <table className="kv mono">
          <thead>
            <tr>
              <th>key</th>
              <th>{perCpu ? 'value per CPU' : 'value'}</th>
            </tr>
          </thead>
          <tbody>
            {map.entries.map((e, i) => (
              <tr key={i}>
                <td>{raw || e.keyText === null ? spaced(e.key) : e.keyText}</td>
                <td>
                  {Array.isArray(e.value)
                    ? e.value.map((v, cpu) => (
                        <div key={cpu}>
                          <span className="muted">cpu{cpu}</span> {spaced(v)}
                        </div>
                      ))
                    : raw || e.valueText === null
                      ? spaced(e.value as string)
                      : e.valueText}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function MapsPanel() {
  const state = usePlayground((s) => s);
  const [raw, setRaw] = useState(false);
  const blocker = compileBlocker(state);
  if (blocker !== null || state.load?.status !== 'ok') {
    return <Blocked blocker={blocker ?? { icon: 'table', title: 'Nothing loaded', text: '', tone: 'muted' }} />;
  }
  const runBlocker = stageBlocker(state.run, 'The run');
  const snapshots = state.run?.status === 'ok' ? state.run.value.maps : null;
  return (
    <div className="panel-scroll maps-panel">
      <div className="toolbar-row">
        <label className="check">
          <input type="checkbox" checked={raw} onChange={(e) => setRaw(e.target.checked)} /> Raw hex
        </label>
        <span className="muted small">
          {snapshots === null ? 'Maps as loaded; contents appear after a run.' : 'Contents after the last run.'}
        </span>
      </div>
      {runBlocker !== null && <Blocked blocker={runBlocker} />}
      {snapshots !== null
        ? snapshots.map((m) => <MapTable key={m.name} map={m} raw={raw} />)
        : state.load.value.maps.map((m) => <MapTable key={m.name} map={{ ...m, entries: [] }} raw={raw} />)}
      {state.load.value.maps.length === 0 && <div className="muted pad">This program defines no maps.</div>}
    </div>
  );
}
