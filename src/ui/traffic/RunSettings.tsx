/** How many packets, at what simulated rate, from which seed, and which map the chart follows. */
import type { MapInfo } from '../../protocol';
import { usePlayground } from '../context';
import { chartableMaps, chartMapOf } from './request';

const COUNTS = [10_000, 100_000, 1_000_000, 10_000_000];

export function RunSettings({ disabled, maps }: { disabled: boolean; maps: readonly MapInfo[] }) {
  const config = usePlayground((s) => s.trafficConfig);
  const setConfig = usePlayground((s) => s.setTrafficConfig);
  const chartable = chartableMaps(maps).filter((m) => !m.name.startsWith('.'));
  const chosen = chartMapOf(config, maps);
  return (
    <>
      <label className="traffic-setting">
        Packets
        <select
          className="compact-select"
          value={config.packets}
          disabled={disabled}
          onChange={(e) => setConfig({ packets: Number(e.target.value) })}
        >
          {[...new Set([...COUNTS, config.packets])].map((n) => (
            <option key={n} value={n}>
              {n.toLocaleString()}
            </option>
          ))}
        </select>
      </label>
      <label
        className="traffic-setting"
        title="Packets per simulated second: bpf_ktime_get_ns advances 1/rate per packet"
      >
        Rate (packets/s)
        <input
          className="field-input traffic-num"
          type="number"
          min={1}
          value={config.ratePps}
          disabled={disabled}
          onChange={(e) => setConfig({ ratePps: Math.max(1, Number(e.target.value) || 1) })}
        />
      </label>
      <label className="traffic-setting">
        Seed
        <input
          className="field-input traffic-num"
          type="number"
          value={config.seed}
          disabled={disabled}
          onChange={(e) => setConfig({ seed: Math.trunc(Number(e.target.value) || 0) })}
        />
      </label>
      <button
        type="button"
        className="btn btn-small btn-ghost"
        disabled={disabled}
        title="Pick a random seed (the run stays reproducible with it)"
        onClick={() => setConfig({ seed: Math.floor(Math.random() * 0x7fffffff) })}
      >
        Random seed
      </button>
      {chartable.length > 0 ? (
        <label className="traffic-setting">
          Chart map
          <select
            className="compact-select"
            value={chosen ?? ''}
            disabled={disabled}
            onChange={(e) => setConfig({ chartMap: e.target.value })}
          >
            {chartable.map((m) => (
              <option key={m.name} value={m.name}>
                {m.name}
              </option>
            ))}
          </select>
        </label>
      ) : null}
    </>
  );
}
