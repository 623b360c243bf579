/**
 * Every map of the object as a live table: BTF-typed text where known, raw hex on demand, per-CPU
 * values side by side, and user-space edits (update/delete, as bpftool map update/delete would).
 */
import { useState } from 'react';
import type { MapEdit, MapEntry, MapSnapshot } from '../../protocol';
import { Icon } from '../components/Icon';
import { usePlayground, usePlaygroundContext } from '../context';
import { EventStream, STREAMED_MAP } from './EventStream';
import { Blocked, compileBlocker, stageBlocker } from './gate';

const spaced = (hex: string) => hex.match(/../g)?.join(' ') ?? '';

/**
 * What a user types for a key or value: hex bytes ("01 00 00 00", "0x0a000001" is read as bytes
 * in order) or a decimal integer stored little-endian in `size` bytes, as on the host.
 */
export function parseBytes(text: string, size: number): string {
  const t = text.trim();
  if (/^-?\d+$/.test(t)) {
    let v = BigInt(t);
    if (v < 0n) v = BigInt.asUintN(size * 8, v);
    if (v >= 1n << BigInt(size * 8)) throw new Error(`${t} does not fit in ${size} bytes`);
    let hex = '';
    for (let i = 0; i < size; i++) hex += ((v >> BigInt(8 * i)) & 0xffn).toString(16).padStart(2, '0');
    return hex;
  }
  const hex = t
    .replace(/^0x/i, '')
    .replace(/[\s:,]/g, '')
    .toLowerCase();
  if (!/^([0-9a-f]{2})*$/.test(hex)) throw new Error(`"${text}" is neither a decimal number nor hex bytes`);
  if (hex.length !== size * 2) throw new Error(`needs ${size} bytes, got ${hex.length / 2}`);
  return hex;
}

function EntryEditor({ map, entry, onDone }: { map: MapSnapshot; entry: MapEntry | null; onDone: () => void }) {
  const { pipeline } = usePlaygroundContext();
  const stride = Math.ceil(map.valueSize / 8) * 8;
  const cpus = map.cpus;
  const initialValues =
    entry === null
      ? Array.from({ length: cpus }, () => '')
      : (Array.isArray(entry.value) ? entry.value : [entry.value as string]).map(spaced);
  const [key, setKey] = useState(entry === null ? '' : spaced(entry.key));
  const [values, setValues] = useState<string[]>(initialValues);
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    let edit: MapEdit;
    try {
      const k = parseBytes(key, map.keySize);
      const v = values.map((x) => parseBytes(x, map.valueSize).padEnd(cpus > 1 ? stride * 2 : 0, '0')).join('');
      edit = { map: map.name, op: 'update', key: k, value: v, flags: 0 };
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      return;
    }
    if (await pipeline.editMap(edit)) onDone();
  };
  return (
    <form
      className="entry-editor"
      aria-label={`${entry === null ? 'Add' : 'Edit'} entry in ${map.name}`}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <label>
        <span className="tool-label">key ({map.keySize} B)</span>
        <input
          className="mono"
          aria-label="Key"
          value={key}
          readOnly={entry !== null}
          placeholder="decimal or hex bytes"
          onChange={(e) => setKey(e.target.value)}
        />
      </label>
      {values.map((v, cpu) => (
        <label key={cpu}>
          <span className="tool-label">
            value{cpus > 1 ? ` cpu${cpu}` : ''} ({map.valueSize} B)
          </span>
          <input
            className="mono"
            aria-label={cpus > 1 ? `Value on CPU ${cpu}` : 'Value'}
            value={v}
            placeholder="decimal or hex bytes"
            onChange={(e) => setValues(values.map((x, i) => (i === cpu ? e.target.value : x)))}
          />
        </label>
      ))}
      <div className="row gap">
        <button type="submit" className="btn btn-small btn-primary">
          {entry === null ? 'Add' : 'Update'}
        </button>
        <button type="button" className="btn btn-small btn-ghost" onClick={onDone}>
          Cancel
        </button>
        {error !== null && (
          <span className="error-text small" role="alert">
            {error}
          </span>
        )}
      </div>
    </form>
  );
}

const ARRAY_LIKE = /array/;

function MapTable({ map, raw, live }: { map: MapSnapshot; raw: boolean; live: boolean }) {
  const { pipeline } = usePlaygroundContext();
  const [editing, setEditing] = useState<MapEntry | 'new' | null>(null);
  const perCpu = map.cpus > 1;
  const valueCell = (e: MapEntry) => {
    const values = Array.isArray(e.value) ? e.value : [e.value as string];
    const texts = Array.isArray(e.valueText) ? e.valueText : e.valueText === null ? null : [e.valueText as string];
    return values.map((v, cpu) => (
      <div key={cpu} className="cpu-value">
        {perCpu && <span className="muted">cpu{cpu} </span>}
        {raw || texts === null ? spaced(v) : texts[cpu]}
      </div>
    ));
  };
  const canEdit = live && !/ringbuf|perf_event|prog_array|of_maps|queue|stack|bloom/.test(map.type);
  return (
    <section className="map-card" aria-label={`Map ${map.name}`}>
      <header className="map-head">
        <span className="map-name mono">{map.name}</span>
        <span className="pill">{map.type}</span>
        <span className="muted small">
          key {map.keySize} B · value {map.valueSize} B · max {map.maxEntries}
          {perCpu ? ` · ${map.cpus} CPUs` : ''} · {map.entries.length} entries
        </span>
        {canEdit && !ARRAY_LIKE.test(map.type) && (
          <button
            type="button"
            className="btn btn-small btn-ghost map-add"
            aria-label={`Add an entry to ${map.name}`}
            onClick={() => setEditing('new')}
          >
            <Icon name="plus" size={13} /> Add
          </button>
        )}
      </header>
      {editing !== null && (
        <EntryEditor map={map} entry={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />
      )}
      {live && STREAMED_MAP.test(map.type) ? (
        <EventStream map={map.name} />
      ) : map.entries.length === 0 ? (
        <div className="muted small pad">{live ? 'empty' : 'contents appear once the program is loaded'}</div>
      ) : (
        <table className="kv mono">
          <thead>
            <tr>
              <th>key</th>
              <th>{perCpu ? 'value per CPU' : 'value'}</th>
              {canEdit && <th className="sr-only">actions</th>}
            </tr>
          </thead>
          <tbody>
            {map.entries.map((e) => (
              <tr key={e.key}>
                <td>{raw || e.keyText === null ? spaced(e.key) : e.keyText}</td>
                <td>{valueCell(e)}</td>
                {canEdit && (
                  <td className="row-actions">
                    <button
                      type="button"
                      className="icon-btn"
                      aria-label={`Edit ${map.name} entry ${e.keyText ?? e.key}`}
                      onClick={() => setEditing(e)}
                    >
                      <Icon name="edit" size={13} />
                    </button>
                    {!ARRAY_LIKE.test(map.type) && (
                      <button
                        type="button"
                        className="icon-btn"
                        aria-label={`Delete ${map.name} entry ${e.keyText ?? e.key}`}
                        onClick={() => void pipeline.editMap({ map: map.name, op: 'delete', key: e.key })}
                      >
                        <Icon name="trash" size={13} />
                      </button>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** Arrays always have every index; showing 256 zero rows hides the interesting ones. */
function visible(map: MapSnapshot, hideZero: boolean): MapSnapshot {
  if (!hideZero || !ARRAY_LIKE.test(map.type)) return map;
  const zero = (v: string | readonly string[]) => (Array.isArray(v) ? v : [v]).every((x) => /^0*$/.test(x as string));
  return { ...map, entries: map.entries.filter((e) => !zero(e.value)) };
}

export function MapsPanel() {
  const state = usePlayground((s) => s);
  const { pipeline } = usePlaygroundContext();
  const [raw, setRaw] = useState(false);
  const [hideZero, setHideZero] = useState(true);
  const blocker = compileBlocker(state);
  if (blocker !== null || state.load?.status !== 'ok') {
    return <Blocked blocker={blocker ?? { icon: 'table', title: 'Nothing loaded', text: '', tone: 'muted' }} />;
  }
  const runBlocker = stageBlocker(state.run, 'The run');
  const live = state.maps;
  return (
    <div className="panel-scroll maps-panel">
      <div className="toolbar-row">
        <label className="check">
          <input type="checkbox" checked={raw} onChange={(e) => setRaw(e.target.checked)} /> Raw hex
        </label>
        <label className="check">
          <input type="checkbox" checked={hideZero} onChange={(e) => setHideZero(e.target.checked)} /> Hide zero array
          slots
        </label>
        {live === null && state.runtime?.stages.vm.available !== false && (
          <button type="button" className="btn btn-small btn-ghost" onClick={() => void pipeline.refreshMaps()}>
            Show contents
          </button>
        )}
        <span className="muted small">
          {live === null
            ? 'Maps as declared; contents appear after a run.'
            : state.step?.status === 'ok' && state.step.value.maps !== null
              ? `As they are at step ${state.step.value.step} of the stepped run.`
              : 'Live: after the last run, step or edit.'}
        </span>
      </div>
      {runBlocker !== null && <Blocked blocker={runBlocker} />}
      {live !== null
        ? live.map((m) => <MapTable key={m.name} map={visible(m, hideZero)} raw={raw} live />)
        : state.load.value.maps.map((m) => (
            <MapTable key={m.name} map={{ ...m, entries: [] }} raw={raw} live={false} />
          ))}
      {state.load.value.maps.length === 0 && <div className="muted pad">This program defines no maps.</div>}
    </div>
  );
}
