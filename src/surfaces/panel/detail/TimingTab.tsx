import { useMemo } from 'react';
import { timingPhases } from '../../../core/timing/phases';
import { parseServerTiming } from '../../../core/timing/server-timing';
import type { Row } from '../../../state/panel-store';
import { formatTime } from '../format';

/** Fractional milliseconds as DevTools writes them in its Timing tab. */
function ms(n: number): string {
  return n >= 1000 ? formatTime(n) : `${n < 10 ? n.toFixed(2) : n.toFixed(1)} ms`;
}

/** A bar from `start` for `duration` on a 0…`scale` axis, in percent of the track. */
function Bar({
  start,
  duration,
  scale,
  className,
}: {
  start: number;
  duration: number;
  scale: number;
  className: string;
}) {
  const left = scale > 0 ? (start / scale) * 100 : 0;
  const width = scale > 0 ? Math.max((duration / scale) * 100, duration > 0 ? 0.5 : 0) : 0;
  return (
    <span className="timing-track" aria-hidden="true">
      <span
        className={`timing-bar ${className}`}
        style={{ left: `${left}%`, width: `${Math.min(width, 100 - left)}%` }}
      />
    </span>
  );
}

/**
 * Where the time went: the HAR phases (blocked, DNS, connect, TLS, send, wait, receive) as a
 * small waterfall with the numbers beside, and the server's own `Server-Timing` metrics.
 */
export function TimingTab({ row }: { row: Row }) {
  const ex = row.exchange;
  const { phases, total } = useMemo(() => timingPhases(ex.timings), [ex.timings]);
  const server = useMemo(() => parseServerTiming(ex.responseHeaders), [ex.responseHeaders]);
  const serverScale = server.reduce((m, e) => Math.max(m, e.dur ?? 0), 0);
  return (
    <div className="timing-tab">
      <section aria-label="Request phases" className="timing-section">
        <h3>
          Request phases{' '}
          <span className="muted">({ex.time >= 0 ? `total ${formatTime(ex.time)}` : 'total unknown'})</span>
        </h3>
        {phases.length === 0 ? (
          <p className="muted">The recorder gave no phase timings for this request.</p>
        ) : (
          <table className="timing-table">
            <tbody>
              {phases.map((p) => (
                <tr key={p.name} data-phase={p.name}>
                  <th scope="row">{p.label}</th>
                  <td className="timing-chart">
                    <Bar start={p.start} duration={p.duration} scale={total} className={`phase-${p.name}`} />
                  </td>
                  <td className="num">{ms(p.duration)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-label="Server-Timing" className="timing-section">
        <h3>
          Server-Timing <span className="muted">(what the server reports it spent)</span>
        </h3>
        {server.length === 0 ? (
          <p className="muted">
            No <code>Server-Timing</code> header: the server did not report its own timings.
          </p>
        ) : (
          <table className="timing-table">
            <tbody>
              {server.map((e, i) => (
                <tr key={`${e.name}-${i}`}>
                  <th scope="row" className="mono">
                    {e.name}
                    {e.desc !== undefined && <span className="muted"> {e.desc}</span>}
                  </th>
                  <td className="timing-chart">
                    {e.dur !== undefined && (
                      <Bar start={0} duration={e.dur} scale={serverScale} className="phase-server" />
                    )}
                  </td>
                  <td className="num">{e.dur !== undefined ? ms(e.dur) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
