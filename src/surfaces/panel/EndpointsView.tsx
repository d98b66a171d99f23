import { useMemo } from 'react';
import { groupEndpoints } from '../../core/endpoints/route-template';
import type { StatusFamily } from '../../core/exchange/family';
import { selectVisibleRows } from '../../state/panel-selectors';
import { usePanel } from './panel-context';

const FAMS: StatusFamily[] = ['2xx', '3xx', '4xx', '5xx', 'failed'];

/** Requests grouped by method and route template, to see which endpoints break the conventions. */
export function EndpointsView() {
  const rows = usePanel(selectVisibleRows);
  const setFilter = usePanel((s) => s.setFilter);
  const setView = usePanel((s) => s.setView);
  const groups = useMemo(
    () => groupEndpoints(rows.map((r) => ({ exchange: r.exchange, findings: r.analysis?.findings ?? [] }))),
    [rows],
  );
  if (groups.length === 0) return <p className="muted pad">No requests match the current filters.</p>;
  return (
    <div className="endpoints" role="region" aria-label="Endpoints">
      <table>
        <thead>
          <tr>
            <th scope="col">Endpoint</th>
            <th scope="col" className="num">
              Calls
            </th>
            {FAMS.map((f) => (
              <th scope="col" key={f} className={`num fam-${f}`}>
                {f}
              </th>
            ))}
            <th scope="col">Findings by rule</th>
          </tr>
        </thead>
        <tbody>
          {groups.slice(0, 2000).map((g) => (
            <tr key={g.key}>
              <th scope="row" className="mono">
                <button
                  type="button"
                  className="link-button"
                  title="Show these requests"
                  onClick={() => {
                    setFilter({ query: `method:${g.method} host:${g.host}` });
                    setView('requests');
                  }}
                >
                  {g.method} {g.path}
                </button>{' '}
                <span className="muted">{g.host}</span>
              </th>
              <td className="num">{g.count}</td>
              {FAMS.map((f) => (
                <td key={f} className={`num${g.families[f] ? ` fam-${f}` : ' muted'}`}>
                  {g.families[f] || '·'}
                </td>
              ))}
              <td>
                {Object.entries(g.rules)
                  .sort((a, b) => b[1] - a[1])
                  .map(([rule, n]) => (
                    <span key={rule} className="rule-count mono">
                      {rule} ×{n}
                    </span>
                  ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {groups.length > 2000 && <p className="muted">{groups.length - 2000} more endpoints not shown.</p>}
    </div>
  );
}
