import { useMemo } from 'react';
import { groupEndpoints, type EndpointGroup } from '../../core/endpoints/route-template';
import { propTerm } from '../../core/filter/query';
import type { StatusFamily } from '../../core/exchange/family';
import { selectVisibleRows } from '../../state/panel-selectors';
import { usePanel } from './panel-context';
import { CoverageView } from './CoverageView';

const FAMS: StatusFamily[] = ['2xx', '3xx', '4xx', '5xx', 'failed'];

/**
 * The search that lists exactly one endpoint's calls. The groups are built from the rows the
 * current filters let through, so the user's own terms stay and the endpoint's are added.
 */
export function narrowTo(query: string, g: Pick<EndpointGroup, 'method' | 'host' | 'path'>): string {
  const have = new Set(query.trim().split(/\s+/));
  const terms = [propTerm('method', g.method), propTerm('host', g.host), propTerm('route', g.path)];
  const added = terms.filter((t): t is string => t !== null && !have.has(t));
  return [query.trim(), ...added].filter(Boolean).join(' ');
}

/** With an OpenAPI description loaded: its coverage; otherwise requests grouped by route. */
export function EndpointsView() {
  const contracts = usePanel((s) => s.contracts);
  return contracts && contracts.outlines.length > 0 ? <CoverageView status={contracts} /> : <RouteGroups />;
}

/** Requests grouped by method and route template, to see which endpoints break the conventions. */
function RouteGroups() {
  const rows = usePanel(selectVisibleRows);
  const setFilter = usePanel((s) => s.setFilter);
  const query = usePanel((s) => s.filter.query);
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
                    setFilter({ query: narrowTo(query, g) });
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
