/** The traffic mix as rows: packet source, share, source-address block and source-port range. */
import { Icon } from '../components/Icon';
import { usePlayground } from '../context';
import { packetSources } from './request';
import type { TrafficMixRow } from './slice';

export function MixEditor({ disabled }: { disabled: boolean }) {
  const rows = usePlayground((s) => s.trafficConfig.rows);
  const inputs = usePlayground((s) => s.packets);
  const setConfig = usePlayground((s) => s.setTrafficConfig);
  const sources = packetSources(inputs);
  const total = rows.reduce((n, r) => n + Math.max(0, r.weight), 0);
  const change = (id: number, patch: Partial<TrafficMixRow>) =>
    setConfig({ rows: rows.map((r) => (r.id === id ? { ...r, ...patch } : r)) });
  const add = () => {
    const id = Math.max(0, ...rows.map((r) => r.id)) + 1;
    setConfig({ rows: [...rows, { id, source: sources[0]!.id, weight: 10, srcIp: '', srcPort: '' }] });
  };
  return (
    <table className="traffic-mix" aria-label="Traffic mix">
      <thead>
        <tr>
          <th>Packet</th>
          <th>Weight</th>
          <th>Share</th>
          <th>Source addresses</th>
          <th>Source ports</th>
          <th aria-label="Remove" />
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id}>
            <td>
              <select
                className="compact-select"
                aria-label="Packet"
                value={r.source}
                disabled={disabled}
                onChange={(e) => change(r.id, { source: e.target.value })}
              >
                {sources.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.title}
                  </option>
                ))}
              </select>
            </td>
            <td>
              <input
                className="field-input traffic-num"
                type="number"
                min={0}
                aria-label="Weight"
                value={r.weight}
                disabled={disabled}
                onChange={(e) => change(r.id, { weight: Math.max(0, Number(e.target.value) || 0) })}
              />
            </td>
            <td className="mono">{total > 0 ? `${((100 * Math.max(0, r.weight)) / total).toFixed(0)}%` : '–'}</td>
            <td>
              <input
                className="field-input mono"
                aria-label="Source addresses (IPv4 CIDR)"
                placeholder="as in the packet"
                value={r.srcIp}
                disabled={disabled}
                onChange={(e) => change(r.id, { srcIp: e.target.value })}
              />
            </td>
            <td>
              <input
                className="field-input mono"
                aria-label="Source ports (LO-HI)"
                placeholder="as in the packet"
                value={r.srcPort}
                disabled={disabled}
                onChange={(e) => change(r.id, { srcPort: e.target.value })}
              />
            </td>
            <td>
              <button
                type="button"
                className="btn btn-icon btn-ghost"
                aria-label="Remove this class"
                disabled={disabled || rows.length === 1}
                onClick={() => setConfig({ rows: rows.filter((x) => x.id !== r.id) })}
              >
                <Icon name="trash" />
              </button>
            </td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <td colSpan={6}>
            <button type="button" className="btn btn-small btn-ghost" disabled={disabled} onClick={add}>
              <Icon name="plus" /> Add a class
            </button>
          </td>
        </tr>
      </tfoot>
    </table>
  );
}
