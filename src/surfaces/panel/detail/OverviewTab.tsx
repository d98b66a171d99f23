import { OperationSection } from './OperationSection';
import { flushSync } from 'react-dom';
import { explainNetError, explainStatus } from '../../../core/catalogue';
import { statusHints } from '../../../core/catalogue/hints';
import type { CatalogueEntry } from '../../../core/catalogue/types';
import { profileInfo } from '../../../core/rules/profiles';
import { SEVERITY_RANK, type Finding, type ProfileId } from '../../../core/rules/types';
import type { Row } from '../../../state/panel-store';
import { SafeLink } from '../../../ui/SafeLink';
import { SeverityMark } from '../../../ui/SeverityMark';
import { usePanel } from '../panel-context';
import { RETRY_LABEL, STANDING_LABEL } from './labels';

function EntryView({
  entry,
  profiles,
  sentReason,
}: {
  entry: CatalogueEntry;
  profiles: readonly ProfileId[];
  sentReason?: string;
}) {
  const notes = profiles.filter((p) => entry.profiles[p]);
  const title =
    typeof entry.code === 'number'
      ? entry.code === 0
        ? entry.reason
        : `${entry.code} ${entry.reason}`
      : `${entry.code}: ${entry.reason}`;
  return (
    <div className="entry">
      <h3 className="entry-title">{title}</h3>
      {entry.formerNames.length > 0 && <p className="muted">Formerly: {entry.formerNames.join(', ')}</p>}
      {sentReason && <p className="muted">The server's reason phrase: “{sentReason}”</p>}
      <p className="entry-summary">{entry.summary}</p>
      <dl className="facts">
        <dt>Standing</dt>
        <dd>{STANDING_LABEL[entry.registry] ?? entry.registry}</dd>
        <dt>Defined by</dt>
        <dd>
          <SafeLink href={entry.specUrl}>{entry.origin}</SafeLink>
        </dd>
      </dl>
      <p>{entry.meaning}</p>
      {entry.causes.length > 0 && (
        <>
          <h4>Common causes</h4>
          <ul>
            {entry.causes.map((c, i) => (
              <li key={i}>{c}</li>
            ))}
          </ul>
        </>
      )}
      <h4>What to do</h4>
      <p>{entry.action}</p>
      <h4>Retry</h4>
      <p>
        <strong>{RETRY_LABEL[entry.retry.advice] ?? entry.retry.advice}.</strong> {entry.retry.note}
      </p>
      {entry.headers.length > 0 && (
        <>
          <h4>Headers that belong with it</h4>
          <p>
            {entry.headers.map((h, i) => (
              <span key={h}>
                {i > 0 && ', '}
                <code>{h}</code>
              </span>
            ))}
          </p>
        </>
      )}
      {notes.length > 0 && (
        <>
          <h4>In your profiles</h4>
          <dl className="facts">
            {notes.map((p) => (
              <div key={p}>
                <dt>{profileInfo(p).name}</dt>
                <dd>{entry.profiles[p]}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
    </div>
  );
}

function FindingItem({ finding }: { finding: Finding }) {
  const setDetailTab = usePanel((s) => s.setDetailTab);
  const pointer = finding.pointer;
  return (
    <li className={`finding sev-border-${finding.severity}`}>
      <div className="finding-head">
        <SeverityMark severity={finding.severity} />
        <code className="rule-id">{finding.rule}</code>
        <span className="finding-source">
          <SafeLink href={finding.source.url}>{finding.source.label}</SafeLink>
        </span>
      </div>
      {pointer !== undefined ? (
        <button
          type="button"
          className="finding-message link-button"
          title={`Show ${pointer || 'the whole body'} in the Body tab`}
          onClick={(e) => {
            // This button goes away with the Overview tab: take focus to the revealed member in
            // the body tree (or the Body panel, or its tab) instead of dropping it on the page.
            const detail = e.currentTarget.closest('section.detail') ?? document;
            flushSync(() => setDetailTab('body', pointer));
            const shown = '[role="tabpanel"]:not([hidden])';
            (
              detail.querySelector<HTMLElement>(`${shown} [role="tree"]`) ??
              detail.querySelector<HTMLElement>(shown) ??
              detail.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]')
            )?.focus();
          }}
        >
          {finding.message} <span className="pointer mono">→ {pointer === '' ? '(body)' : pointer}</span>
        </button>
      ) : (
        <p className="finding-message">{finding.message}</p>
      )}
    </li>
  );
}

function Findings({ row }: { row: Row }) {
  const analysis = row.analysis;
  if (!analysis) {
    return (
      <p className="muted" role="status">
        Analysing…
      </p>
    );
  }
  // Worst first; the sort is stable, so rule order within a severity is kept.
  const findings = [...analysis.findings].sort(
    (a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity],
  );
  return (
    <>
      {findings.length === 0 ? (
        <p className="muted">No findings: nothing here breaks the rules that are switched on.</p>
      ) : (
        <ul className="findings">
          {findings.map((f, i) => (
            <FindingItem key={`${f.rule}-${i}`} finding={f} />
          ))}
        </ul>
      )}
      {analysis.problems.length > 0 && (
        <div className="engine-problems" role="note">
          <h4>Rules that could not run</h4>
          <ul>
            {analysis.problems.map((p, i) => (
              <li key={i}>
                <code>{p.rule}</code>: {p.message}
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}

/** DevTools sometimes decorates the name ("(failed)net::ERR_FAILED"); look up the name inside. */
function netErrorOf(failure: string): CatalogueEntry | undefined {
  const name = /(?:net::)?err_[a-z0-9_]{1,80}/i.exec(failure.slice(0, 200))?.[0];
  return name ? explainNetError(name) : undefined;
}

export function OverviewTab({ row }: { row: Row }) {
  const profiles = usePanel((s) => s.settings.profiles);
  const ex = row.exchange;
  const entry = explainStatus(ex.status);
  const failed = ex.status === 0;
  const net = failed && ex.failure ? netErrorOf(ex.failure) : undefined;
  const hints = statusHints(ex);
  const sent = ex.statusText.trim();
  const sentReason =
    !failed && sent !== '' && sent.toLowerCase() !== entry.reason.toLowerCase() ? sent : undefined;
  const findingCount = row.analysis?.findings.length;
  return (
    <div className="overview">
      <section aria-label="Status explanation">
        <EntryView entry={entry} profiles={profiles} {...(sentReason ? { sentReason } : {})} />
      </section>
      {failed && (
        <section aria-label="Network error" className="net-error">
          <h3>Network error</h3>
          {ex.failure ? (
            net ? (
              <EntryView entry={net} profiles={profiles} />
            ) : (
              <p>
                The browser recorded <code>{ex.failure}</code>, which the catalogue does not describe.
              </p>
            )
          ) : (
            <p className="muted">No network error name was recorded for this request.</p>
          )}
        </section>
      )}
      {row.analysis?.contract && <OperationSection match={row.analysis.contract} />}
      {hints.length > 0 && (
        <section aria-label="Hints" className="hints">
          <h3>For this response</h3>
          <ul>
            {hints.map((h, i) => (
              <li key={i} className={`hint hint-${h.kind}`}>
                {h.text}
              </li>
            ))}
          </ul>
        </section>
      )}
      {row.bodyNote && (
        <p className="body-note" role="note">
          {row.bodyNote}
        </p>
      )}
      <section aria-label="Findings" className="findings-section">
        <h3>Findings{findingCount !== undefined ? ` (${findingCount})` : ''}</h3>
        <Findings row={row} />
      </section>
    </div>
  );
}
