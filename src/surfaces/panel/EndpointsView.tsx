import { memo, useEffect, useRef, useState, type ReactNode } from 'react';
import type { EndpointGroup } from '../../core/endpoints/grouper';
import { CoverageView } from './CoverageView';
import { narrowTo } from './narrow-query';
import { FilteredOut } from './FilteredOut';
import { selectVisibleRows } from '../../state/panel-selectors';
import { useEndpoints } from './endpoints-feed';
import type { EndpointsSnapshot } from './endpoints-protocol';
import { usePanel, usePanelApi } from './panel-context';
import type { EndpointsMode } from '../../state/panel/types';
import { formatTime } from './format';
import { SEVERITY_RANK } from '../../core/rules/types';
import { SeverityMark } from '../../ui/SeverityMark';
import { countOf } from '../../core/text/plural';
import { NO_URL } from '../../state/panel-selectors';
import {
  ENDPOINT_FAMILIES as FAMS,
  endpointColumns,
  endpointTemplate,
  type EndpointColumn,
  type EndpointColumnId,
} from './endpoint-columns';
import { useWidth } from './use-width';
import { Breakable } from '../../ui/Breakable';
import { readablePath } from '../../core/text/readable-path';
import { copyRecordedPaths } from './copy-recorded-paths';

/**
 * Requests grouped by route, the triage view; with an OpenAPI description loaded, a switch adds
 * its coverage beside them. Coverage used to replace the routes: error rates, timings, findings
 * by rule and every host outside the description went with them (UI review finding 6).
 */
export function EndpointsView() {
  const contracts = usePanel((s) => s.contracts);
  const mode = usePanel((s) => s.endpointsMode);
  if (!contracts || contracts.outlines.length === 0) return <RouteGroups />;
  return (
    <div className="endpoints-modes">
      <EndpointsSwitch />
      {mode === 'coverage' ? <CoverageView status={contracts} /> : <RouteGroups />}
    </div>
  );
}

/** Routes | Coverage: which of the two Endpoints shows, kept in the panel's store for its life. */
function EndpointsSwitch() {
  const mode = usePanel((s) => s.endpointsMode);
  const setMode = usePanel((s) => s.setEndpointsMode);
  const option = (value: EndpointsMode, label: string, title: string) => (
    <button type="button" aria-pressed={mode === value} title={title} onClick={() => setMode(value)}>
      {label}
    </button>
  );
  return (
    <div role="group" aria-label="Endpoints shows" className="chips endpoints-switch">
      {option('routes', 'Routes', 'Every route called, with errors, timings and findings by rule')}
      {option(
        'coverage',
        'Coverage',
        'The loaded OpenAPI descriptions: operations seen and not, undocumented calls',
      )}
    </div>
  );
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

/** One cell of an endpoint's row. */
function EndpointCell({
  id,
  g,
  onPick,
}: {
  id: EndpointColumnId;
  g: EndpointGroup;
  onPick: (g: EndpointGroup) => void;
}) {
  const num = (className: string, children: ReactNode) => (
    <td role="cell" className={`num${className}`}>
      {children}
    </td>
  );
  switch (id) {
    case 'endpoint': {
      const noUrl = g.path === NO_URL && g.host === '';
      return (
        // The whole text as a tooltip: a long route wraps (by words, then at the column's edge).
        <th scope="row" role="rowheader" className="mono" title={`${g.method} ${g.path} ${g.host}`.trim()}>
          <button type="button" className="link-button" title="Show these requests" onClick={() => onPick(g)}>
            {g.method}{' '}
            {noUrl ? (
              <span className="muted">{NO_URL}</span>
            ) : (
              // Decoded for reading (`/Another Test`), never into a control, newline or bidi
              // character; a copy gives the path as recorded (copyRecordedPaths).
              <span className="route" data-recorded={g.path}>
                <Breakable text={readablePath(g.path)} after="/" />
              </span>
            )}
          </button>{' '}
          <span className="muted">{g.host}</span>
        </th>
      );
    }
    case 'calls':
      return num('', g.count);
    case 'errors':
      return num(g.errorRate > 0 ? ' fam-4xx' : ' muted', formatRate(g.errorRate));
    case 'p50':
      return num('', g.p50 !== undefined ? formatTime(g.p50) : '—');
    case 'p95':
      return num('', g.p95 !== undefined ? formatTime(g.p95) : '—');
    case 'findings':
      return (
        <td role="cell">
          <RuleCounts g={g} />
        </td>
      );
    default:
      return num(g.families[id] ? ` fam-${id}` : ' muted', g.families[id] || '·');
  }
}

/** One endpoint; redrawn only when its numbers or the columns change (snapshots arrive while an import runs). */
const EndpointRow = memo(
  function EndpointRow({
    g,
    onPick,
    columns,
  }: {
    g: EndpointGroup;
    onPick: (g: EndpointGroup) => void;
    columns: readonly EndpointColumn[];
  }) {
    return (
      <tr role="row" style={{ gridTemplateColumns: endpointTemplate(columns) }}>
        {columns.map((c) => (
          <EndpointCell key={c.id} id={c.id} g={g} onPick={onPick} />
        ))}
      </tr>
    );
  },
  (a, b) => a.onPick === b.onPick && a.columns === b.columns && sameGroup(a.g, b.g),
);

/** The header cell of a column. */
function EndpointHeader({ id }: { id: EndpointColumnId }) {
  const head = (label: string, className?: string, title?: string) => (
    <th scope="col" role="columnheader" className={className} title={title}>
      {label}
    </th>
  );
  switch (id) {
    case 'endpoint':
      return head('Endpoint');
    case 'calls':
      return head('Calls', 'num');
    case 'errors':
      return head('Errors', 'num', 'Calls answered 4xx or 5xx, or failed');
    case 'p50':
      return head('p50', 'num', 'Median total time');
    case 'p95':
      return head('p95', 'num', '95th-percentile total time');
    case 'findings':
      return head('Findings by rule');
    default:
      return head(id, `num fam-${id}`);
  }
}

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

/** No endpoint to list: none captured yet, or the filters hide every request (and say which). */
function NoEndpoints() {
  const held = usePanel((s) => s.rows.length);
  const hidden = usePanel((s) => s.rows.length > 0 && selectVisibleRows(s).length === 0);
  if (held === 0) return <p className="muted pad">No requests captured yet.</p>;
  if (hidden) return <FilteredOut inline />;
  return <p className="muted pad">No requests match the current filters.</p>;
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
  if (snapshot.total === 0) return <NoEndpoints />;
  return <EndpointTable snapshot={snapshot} revealed={revealed} onPick={onPick} />;
}

/** The table itself: mounted with its first snapshot, so that its width is followed from then on. */
function EndpointTable({
  snapshot,
  revealed,
  onPick,
}: {
  snapshot: EndpointsSnapshot;
  revealed: number;
  onPick: (g: EndpointGroup) => void;
}) {
  // Docked to the side, the view drops its less essential numeric columns (endpoint-columns.ts).
  const region = useRef<HTMLDivElement>(null);
  const columns = endpointColumns(useWidth(region));
  return (
    <div className="endpoints" role="region" aria-label="Endpoints" ref={region} onCopy={copyRecordedPaths}>
      <table role="table" className="endpoint-table">
        <thead role="rowgroup">
          <tr role="row" style={{ gridTemplateColumns: endpointTemplate(columns) }}>
            {columns.map((c) => (
              <EndpointHeader key={c.id} id={c.id} />
            ))}
          </tr>
        </thead>
        <tbody role="rowgroup">
          {snapshot.groups.slice(0, revealed).map((g) => (
            <EndpointRow key={g.key} g={g} onPick={onPick} columns={columns} />
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
