/** Packet builder: templates, layer cards with editable fields, raw hex, and the decoded view. */
import { useMemo, useState } from 'react';
import {
  LAYER_FIELDS,
  LAYER_TITLES,
  PACKET_TEMPLATES,
  PacketError,
  checkChecksums,
  defaultLayer,
  describeLayer,
  fieldText,
  parseHex,
  parsePacket,
  setFieldText,
  tryBuild,
  type FieldDesc,
  type Layer,
  type LayerKind,
  type PacketSpec,
} from '../../bpf/inputs/packets';
import { Icon } from '../components/Icon';
import { usePlayground } from '../context';
import { hexRows, spacedHex } from './hexdump';
import { WorkloadInputs } from './WorkloadInputs';

const ADDABLE: LayerKind[] = ['ethernet', 'vlan', 'ipv4', 'ipv6', 'tcp', 'udp', 'icmp', 'icmpv6', 'arp', 'payload'];

function FieldInput({
  layer,
  desc,
  onChange,
  id,
}: {
  layer: Layer;
  desc: FieldDesc;
  onChange: (layer: Layer) => void;
  id: string;
}) {
  const committed = fieldText(layer, desc);
  // A draft exists only while the user types; otherwise the input shows the layer's value.
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const text = draft ?? committed;
  const commit = (value: string) => {
    try {
      onChange(setFieldText(layer, desc, value));
      setDraft(null);
      setError(null);
    } catch (e) {
      if (e instanceof PacketError) setError(e.message);
      else throw e;
    }
  };
  const wide = desc.format === 'ipv6' || desc.format === 'bytes';
  return (
    <label className={`field ${wide ? 'field-wide' : ''}`} htmlFor={id} title={desc.help}>
      <span className="field-label">{desc.label}</span>
      <input
        id={id}
        className={`field-input mono ${error !== null ? 'invalid' : ''}`}
        value={text}
        placeholder={desc.auto === true ? 'auto' : ''}
        aria-invalid={error !== null}
        aria-describedby={error !== null ? `${id}-err` : undefined}
        spellCheck={false}
        onChange={(e) => {
          setDraft(e.target.value);
          setError(null);
        }}
        onBlur={(e) => commit(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit((e.target as HTMLInputElement).value);
        }}
      />
      {error !== null && (
        <span id={`${id}-err`} className="field-error" role="alert">
          {error}
        </span>
      )}
    </label>
  );
}

function LayerCard({
  layer,
  index,
  packetIndex,
  onChange,
  onRemove,
}: {
  layer: Layer;
  index: number;
  packetIndex: number;
  onChange: (l: Layer) => void;
  onRemove: () => void;
}) {
  return (
    <section className="layer-card" aria-label={`${LAYER_TITLES[layer.kind]} header`}>
      <header className="layer-head">
        <span className={`layer-chip layer-${layer.kind}`}>{LAYER_TITLES[layer.kind]}</span>
        <span className="layer-summary">{describeLayer(layer)}</span>
        <button
          type="button"
          className="icon-btn"
          aria-label={`Remove ${LAYER_TITLES[layer.kind]} layer`}
          onClick={onRemove}
        >
          <Icon name="close" size={14} />
        </button>
      </header>
      <div className="field-grid">
        {LAYER_FIELDS[layer.kind].map((desc) => (
          <FieldInput
            key={desc.key}
            id={`p${packetIndex}-l${index}-${desc.key}`}
            layer={layer}
            desc={desc}
            onChange={onChange}
          />
        ))}
      </div>
    </section>
  );
}

function RawHex({ bytes, onParsed }: { bytes: Uint8Array | null; onParsed: (spec: PacketSpec) => void }) {
  const committed = bytes === null ? '' : spacedHex(bytes);
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const text = draft ?? committed;
  return (
    <div className="raw-hex">
      <label className="section-label" htmlFor="raw-hex">
        Raw bytes (hex) — edit and press Apply to decode
      </label>
      <textarea
        id="raw-hex"
        className="mono raw-hex-input"
        value={text}
        spellCheck={false}
        rows={4}
        onChange={(e) => setDraft(e.target.value)}
      />
      <div className="row gap">
        <button
          type="button"
          className="btn btn-small"
          onClick={() => {
            try {
              onParsed({ layers: parsePacket(parseHex(text)).layers });
              setDraft(null);
              setError(null);
            } catch (e) {
              setError(e instanceof Error ? e.message : String(e));
            }
          }}
        >
          Apply hex
        </button>
        {error !== null && (
          <span className="field-error" role="alert">
            {error}
          </span>
        )}
      </div>
    </div>
  );
}

function Decoded({ bytes }: { bytes: Uint8Array }) {
  const parsed = useMemo(() => parsePacket(bytes), [bytes]);
  const checks = useMemo(() => checkChecksums(parsed.layers), [parsed]);
  return (
    <div className="decoded">
      <div className="section-label">Decoded ({bytes.length} bytes)</div>
      <ol className="decoded-list">
        {parsed.layers.map((l, i) => {
          const check = checks.find((c) => c.layer === i);
          return (
            <li key={i}>
              <span className={`layer-chip layer-${l.kind}`}>{LAYER_TITLES[l.kind]}</span> {describeLayer(l)}
              {check !== undefined &&
                (check.actual === check.expected ? (
                  <span className="pill pill-ok">checksum ok</span>
                ) : (
                  <span className="pill pill-error">
                    checksum 0x{check.actual.toString(16).padStart(4, '0')}, should be 0x
                    {check.expected.toString(16).padStart(4, '0')}
                  </span>
                ))}
            </li>
          );
        })}
      </ol>
      {parsed.notes.map((n) => (
        <div key={n} className="note">
          {n}
        </div>
      ))}
      <div className="hexdump mono" aria-label="Hex dump">
        {hexRows(bytes).map((r) => (
          <div key={r.offset} className="hexdump-row">
            <span className="hexdump-off">{r.offset}</span>
            <span className="hexdump-hex">{r.hex.join(' ')}</span>
            <span className="hexdump-ascii">{r.ascii}</span>
          </div>
        ))}
      </div>
    </div>
  );
}

function PacketInputs() {
  const packets = usePlayground((s) => s.packets);
  const selected = usePlayground((s) => s.selectedPacket);
  const setPacket = usePlayground((s) => s.setPacket);
  const addPacket = usePlayground((s) => s.addPacket);
  const removePacket = usePlayground((s) => s.removePacket);
  const selectPacket = usePlayground((s) => s.selectPacket);
  const spec = packets[selected] ?? packets[0]!;
  const built = useMemo(() => tryBuild(spec), [spec]);
  const [addKind, setAddKind] = useState<LayerKind>('payload');

  const update = (layers: Layer[]) => setPacket(selected, { layers });

  return (
    <div className="panel-scroll inputs-panel">
      <div className="toolbar-row">
        <div className="seg" role="tablist" aria-label="Input packets">
          {packets.map((_, i) => (
            <button
              key={i}
              type="button"
              role="tab"
              aria-selected={i === selected}
              className={`seg-btn ${i === selected ? 'active' : ''}`}
              onClick={() => selectPacket(i)}
            >
              Packet {i + 1}
            </button>
          ))}
          <button
            type="button"
            className="seg-btn"
            aria-label="Add a packet"
            onClick={() => addPacket(structuredClone(spec))}
          >
            <Icon name="plus" size={14} />
          </button>
        </div>
        <label className="compact-select">
          <span className="sr-only">Packet template</span>
          <select
            aria-label="Packet template"
            value=""
            onChange={(e) => {
              const t = PACKET_TEMPLATES.find((x) => x.id === e.target.value);
              if (t !== undefined) setPacket(selected, structuredClone(t.spec));
            }}
          >
            <option value="" disabled>
              Template…
            </option>
            {PACKET_TEMPLATES.map((t) => (
              <option key={t.id} value={t.id}>
                {t.title}
              </option>
            ))}
          </select>
        </label>
        {packets.length > 1 && (
          <button type="button" className="btn btn-small btn-ghost" onClick={() => removePacket(selected)}>
            Remove packet
          </button>
        )}
      </div>
      <p className="hint">Packets run in order against one loaded program, so maps carry state between them.</p>
      {spec.layers.map((layer, i) => (
        <LayerCard
          key={`${selected}-${i}-${layer.kind}`}
          layer={layer}
          index={i}
          packetIndex={selected}
          onChange={(l) => update(spec.layers.map((x, j) => (j === i ? l : x)))}
          onRemove={() => update(spec.layers.filter((_, j) => j !== i))}
        />
      ))}
      <div className="row gap add-layer">
        <select aria-label="Layer to add" value={addKind} onChange={(e) => setAddKind(e.target.value as LayerKind)}>
          {ADDABLE.map((k) => (
            <option key={k} value={k}>
              {LAYER_TITLES[k]}
            </option>
          ))}
        </select>
        <button type="button" className="btn btn-small" onClick={() => update([...spec.layers, defaultLayer(addKind)])}>
          <Icon name="plus" size={14} /> Add layer
        </button>
      </div>
      {built.error !== null ? (
        <div className="banner banner-error" role="alert">
          This packet cannot be built: {built.error}
        </div>
      ) : (
        <>
          <Decoded bytes={built.bytes} />
          <RawHex bytes={built.bytes} onParsed={(p) => setPacket(selected, p)} />
        </>
      )}
    </div>
  );
}

/** Packets for packet programs (BPF_PROG_TEST_RUN), a workload for tracing programs. */
export function InputsPanel() {
  const kind = usePlayground((s) => s.inputsKind);
  const setKind = usePlayground((s) => s.setInputsKind);
  return (
    <div className="inputs-wrap">
      <div className="mode-row">
        <div className="seg" role="radiogroup" aria-label="Run with">
          {(
            [
              ['packets', 'Packets', 'XDP, tc, socket filters: BPF_PROG_TEST_RUN on packets'],
              ['attach', 'Workload', 'kprobes, tracepoints: attach to the simulated kernel and play a workload'],
            ] as const
          ).map(([k, label, title]) => (
            <button
              key={k}
              type="button"
              role="radio"
              aria-checked={kind === k}
              title={title}
              className={`seg-btn ${kind === k ? 'active' : ''}`}
              onClick={() => setKind(k)}
            >
              <Icon name={k === 'packets' ? 'packet' : 'terminal'} size={13} /> {label}
            </button>
          ))}
        </div>
        <span className="hint-inline">
          {kind === 'packets'
            ? 'Run tests the program on these packets.'
            : 'Run attaches the program and plays the workload.'}
        </span>
      </div>
      {kind === 'packets' ? (
        <PacketInputs />
      ) : (
        <div className="panel-scroll">
          <WorkloadInputs />
        </div>
      )}
    </div>
  );
}
