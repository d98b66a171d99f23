import { memo, useEffect, useState } from 'react';
import type { EndpointGroup } from '../../core/endpoints/grouper';
import { propTerm } from '../../core/filter/query';
import type { StatusFamily } from '../../core/exchange/family';
import { CoverageView } from './CoverageView';
import { useEndpoints } from './endpoints-feed';
import { usePanel, usePanelApi } from './panel-context';
import { formatTime } from './format';
import { SEVERITY_RANK } from '../../core/rules/types';
import { SeverityMark } from '../../ui/SeverityMark';
import { countOf } from '../../core/text/plural';
import { NO_URL } from '../../state/panel-selectors';

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

function sameGroup(a: EndpointGroup, b: EndpointGroup): boolean {
  if (a.key !== b.key || a.count !== b.count || a.p50 !== b.p50 || a.p95 !== b.p95) return false;
  for (const f of FAMS) if (a.families[f] !== b.families[f]) return false;
  const ar = Object.keys(a.rules);
  return (
    ar.length === Object.keys(b.rules).length &&
    ar.every((r) => a.rules[r] === b.rules[r] && a.ruleSeverity[r] === b.ruleSeverity[r])
  );
}

/** "12%", "<1%" for a few failures among many, "0%" for none. */
export function formatRate(rate: number): string {
  if (rate <= 0) return '0%';
  const pct = rate * 100;
  return pct < 1 ? '<1%' : `${Math.round(pct)}%`;
}

/** The endpoint's rules, worst severity first, then most findings: one readable item each. */
function RuleCounts({ g }: { g: EndpointGroup }) {
  const rules = Object.entries(g.rules).sort(
    (a, b) =>
      SEVERITY_RANK[g.ruleSeverity[b[0]] ?? 'info'] - SEVERITY_RANK[g.ruleSeverity[a[0]] ?? 'info'] ||
      b[1] - a[1] ||
      (a[0] < b[0] ? -1 : 1),
  );
  if (rules.length === 0) return <span className="muted">none</span>;
  return (
    <ul className="rule-counts" aria-label={`Findings by rule for ${g.method} ${g.path}`}>
      {rules.map(([rule, n]) => (
        <li key={rule} className="rule-count">
          <SeverityMark severity={g.ruleSeverity[rule] ?? 'info'} label={false} />{' '}
          <span className="mono">{rule}</span> <span className="muted">×{n}</span>
        </li>
      ))}
    </ul>
  );
}

/** One endpoint; redrawn only when its numbers change (snapshots arrive while an import runs). */
const EndpointRow = memo(
  function EndpointRow({ g, onPick }: { g: EndpointGroup; onPick: (g: EndpointGroup) => void }) {
    return (
      <tr role="row">
        <th scope="row" role="rowheader" className="mono">
          <button type="button" className="link-button" title="Show these requests" onClick={() => onPick(g)}>
            {g.method} {g.path === NO_URL && g.host === '' ? <span className="muted">{NO_URL}</span> : g.path}
          </button>{' '}
          <span className="muted">{g.host}</span>
        </th>
        <td role="cell" className="num">
          {g.count}
        </td>
        <td role="cell" className={`num${g.errorRate > 0 ? ' fam-4xx' : ' muted'}`}>
          {formatRate(g.errorRate)}
        </td>
        <td role="cell" className="num">
          {g.p50 !== undefined ? formatTime(g.p50) : '—'}
        </td>
        <td role="cell" className="num">
          {g.p95 !== undefined ? formatTime(g.p95) : '—'}
        </td>
        {FAMS.map((f) => (
          <td role="cell" key={f} className={`num${g.families[f] ? ` fam-${f}` : ' muted'}`}>
            {g.families[f] || '·'}
          </td>
        ))}
        <td role="cell">
          <RuleCounts g={g} />
        </td>
      </tr>
    );
  },
  (a, b) => a.onPick === b.onPick && sameGroup(a.g, b.g),
);

/**
 * Rows drawn when the view opens; the rest follow one batch per frame. Laying out all 100 rows
 * (each with its findings-by-rule list) in the task that opens the view took 50–100 ms of CPU
 * on a two-core machine; content-visibility cannot help there, because Chrome lays out every
 * row once before it knows which are off screen.
 */
export const ROWS_PER_FRAME = 20;

/** How many of `total` rows to draw: ROWS_PER_FRAME more each frame since the view opened. */
function useRevealedRows(total: number): number {
  const [shown, setShown] = useState(ROWS_PER_FRAME);
  useEffect(() => {
    if (shown >= total) return;
    // After the next frame, so that each batch is laid out and painted on its own.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setShown((n) => n + ROWS_PER_FRAME), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [shown, total]);
  return Math.min(shown, total);
}

/**
 * Requests grouped by method and route template, to see which endpoints break the conventions.
 * The grouping runs in the analysis worker (endpoints-feed.ts); this only draws its snapshots.
 */
function RouteGroups() {
  const snapshot = useEndpoints();
  const setFilter = usePanel((s) => s.setFilter);
  const setView = usePanel((s) => s.setView);
  const api = usePanelApi();
  const revealed = useRevealedRows(snapshot?.groups.length ?? 0);
  // Stable, so memoised rows stay memoised; reads the query when clicked.
  const [onPick] = useState(() => (g: EndpointGroup) => {
    setFilter({ query: narrowTo(api.getState().filter.query, g) });
    setView('requests');
  });
  if (!snapshot)
    return (
      <p className="muted pad" role="status">
        Grouping requests…
      </p>
    );
  if (snapshot.total === 0) return <p className="muted pad">No requests match the current filters.</p>;
  return (
    <div className="endpoints" role="region" aria-label="Endpoints">
      <table role="table" className="endpoint-table">
        <thead role="rowgroup">
          <tr role="row">
            <th scope="col" role="columnheader">
              Endpoint
            </th>
            <th scope="col" role="columnheader" className="num">
              Calls
            </th>
            <th scope="col" role="columnheader" className="num" title="Calls answered 4xx or 5xx, or failed">
              Errors
            </th>
            <th scope="col" role="columnheader" className="num" title="Median total time">
              p50
            </th>
            <th scope="col" role="columnheader" className="num" title="95th-percentile total time">
              p95
            </th>
            {FAMS.map((f) => (
              <th scope="col" role="columnheader" key={f} className={`num fam-${f}`}>
                {f}
              </th>
            ))}
            <th scope="col" role="columnheader">
              Findings by rule
            </th>
          </tr>
        </thead>
        <tbody role="rowgroup">
          {snapshot.groups.slice(0, revealed).map((g) => (
            <EndpointRow key={g.key} g={g} onPick={onPick} />
          ))}
        </tbody>
      </table>
      {snapshot.total > snapshot.groups.length && (
        <p className="muted">
          {countOf(snapshot.total - snapshot.groups.length, 'more endpoint')} not shown: narrow the search to
          see them.
        </p>
      )}
    </div>
  );
}
