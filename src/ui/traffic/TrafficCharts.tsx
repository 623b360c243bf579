/**
 * The traffic run's two charts as plain SVG: verdicts per time bucket (stacked columns that fill
 * from the left as the run goes) and the chart map's busiest keys as lines over simulated time.
 */
import { memo } from 'react';
import type { TrafficBucket } from '../../bpf/traffic';
import { compact, keyLabel, LINE_COLORS, mapLines, verdictColor, verdictColumns, verdictOrder } from './chart-data';

const W = 640;
const H = 150;
const PAD = { left: 44, right: 8, top: 8, bottom: 20 };
const PLOT_W = W - PAD.left - PAD.right;
const PLOT_H = H - PAD.top - PAD.bottom;

/** The run's shape: packets per chart point, and how long the run is in simulated time. */
export interface ChartFrame {
  readonly bucketPackets: number;
  readonly durationS: number;
  readonly nsPerPacket: number;
}

const seconds = (s: number) =>
  s >= 10 ? `${s.toFixed(0)} s` : s >= 1 ? `${s.toFixed(1)} s` : `${(s * 1000).toFixed(0)} ms`;

function Axes({ frame, yMax }: { frame: ChartFrame; yMax: string }) {
  const bottom = PAD.top + PLOT_H;
  return (
    <g className="traffic-axes">
      <line x1={PAD.left} y1={bottom} x2={W - PAD.right} y2={bottom} />
      <line x1={PAD.left} y1={PAD.top} x2={PAD.left} y2={bottom} />
      <text x={PAD.left - 4} y={PAD.top + 8} textAnchor="end">
        {yMax}
      </text>
      <text x={PAD.left - 4} y={bottom} textAnchor="end">
        0
      </text>
      <text x={PAD.left} y={H - 4}>
        0 s
      </text>
      <text x={PAD.left + PLOT_W / 2} y={H - 4} textAnchor="middle">
        simulated time
      </text>
      <text x={W - PAD.right} y={H - 4} textAnchor="end">
        {seconds(frame.durationS)}
      </text>
    </g>
  );
}

export const VerdictChart = memo(function VerdictChart({
  buckets,
  frame,
}: {
  buckets: readonly TrafficBucket[];
  frame: ChartFrame;
}) {
  const order = verdictOrder(buckets);
  const columns = verdictColumns(buckets, order);
  // Columns sit at their packets' place in simulated time (the last one may be short).
  const perPacket = PLOT_W / Math.max(1, frame.durationS * 1e9);
  const scale = PLOT_H / Math.max(1, frame.bucketPackets);
  return (
    <figure className="traffic-chart">
      <figcaption>Verdicts per {compact(frame.bucketPackets)} packets</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label="Verdicts over simulated time" data-testid="verdict-chart">
        <Axes frame={frame} yMax={compact(frame.bucketPackets)} />
        {columns.map((c) => {
          let y = PAD.top + PLOT_H;
          return (
            <g key={c.index}>
              {c.parts.map((p) => {
                const h = p.count * scale;
                y -= h;
                return (
                  <rect
                    key={p.name}
                    x={PAD.left + c.startNs * perPacket}
                    y={y}
                    width={Math.max(0.5, c.packets * frame.nsPerPacket * perPacket - 0.5)}
                    height={h}
                    fill={verdictColor(p.name)}
                  />
                );
              })}
            </g>
          );
        })}
      </svg>
      <div className="traffic-legend">
        {order.map((name) => (
          <span key={name}>
            <i style={{ background: verdictColor(name) }} /> {name}
          </span>
        ))}
      </div>
    </figure>
  );
});

export const MapChart = memo(function MapChart({
  buckets,
  frame,
  map,
}: {
  buckets: readonly TrafficBucket[];
  frame: ChartFrame;
  map: string;
}) {
  const lines = mapLines(buckets, frame.nsPerPacket);
  const max = Math.max(1, ...lines.map((l) => Math.max(...l.points.map((p) => p[1]))));
  const x = (s: number) => PAD.left + (s / Math.max(frame.durationS, 1e-9)) * PLOT_W;
  const y = (v: number) => PAD.top + PLOT_H - (v / max) * PLOT_H;
  return (
    <figure className="traffic-chart">
      <figcaption>
        <span className="mono">{map}</span> values over time (top {lines.length} keys)
      </figcaption>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={`Values of map ${map} over simulated time`}
        data-testid="map-chart"
      >
        <Axes frame={frame} yMax={compact(max)} />
        {lines.map((l, i) => (
          <polyline
            key={l.key}
            fill="none"
            stroke={LINE_COLORS[i % LINE_COLORS.length]}
            strokeWidth={1.8}
            points={l.points.map(([s, v]) => `${x(s).toFixed(1)},${y(v).toFixed(1)}`).join(' ')}
          />
        ))}
      </svg>
      <div className="traffic-legend">
        {lines.length === 0 ? <span>no non-zero values yet</span> : null}
        {lines.map((l, i) => (
          <span key={l.key}>
            <i style={{ background: LINE_COLORS[i % LINE_COLORS.length] }} /> key {keyLabel(l.key)}:{' '}
            {l.last.toLocaleString()}
          </span>
        ))}
      </div>
    </figure>
  );
});
