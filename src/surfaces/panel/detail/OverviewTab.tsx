import { OperationSection } from './OperationSection';
import { RelatedLinks } from './RelatedLinks';
import { renumbered, useListNumbers } from './list-numbers';
import { preflightRefusing } from './refusing-preflight';
import { flushSync } from 'react-dom';
import { explainNetError, explainStatus, netErrorName } from '../../../core/catalogue';
import { bodyPlace } from '../../../core/report/body-place';
import { statusHints, type Hint } from '../../../core/catalogue/hints';
import { corsCauses } from '../../../core/catalogue/hints/cors';
import type { CatalogueEntry } from '../../../core/catalogue/types';
import { describeAdjustments, profileAdjustments } from '../../../core/profiles/adjustments';
import { allProfiles, profileName } from '../../../core/profiles/registry';
import { describeScope } from '../../../core/profiles/scope';
import { compiledScopeOf, profileScopeOf } from '../../../core/engine/analyze';
import type { Exchange } from '../../../core/exchange/types';
import { SEVERITY_RANK, type Analysis, type Finding } from '../../../core/rules/types';
import type { Row } from '../../../state/panel-store';
import { SafeLink } from '../../../ui/SafeLink';
import { SeverityMark } from '../../../ui/SeverityMark';
import { usePanel, usePanelApi } from '../panel-context';
import { InlineText } from '../../../ui/InlineText';
import { ServerSaid } from './ServerSaid';
import { useEffect, useState } from 'react';
import { EntryView } from '../EntryView';
import { entryView } from '../../../core/catalogue/entry-view';

function FindingItem({ finding }: { finding: Finding }) {
  const setDetailTab = usePanel((s) => s.setDetailTab);
  const pointer = finding.pointer;
  const numbers = useListNumbers(finding.related);
  const message = renumbered(finding.message, finding.related, numbers);
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
          <InlineText text={message} />{' '}
          <span className={pointer === '' ? 'pointer' : 'pointer mono'}>→ {bodyPlace(pointer)}</span>
        </button>
      ) : (
        <p className="finding-message">
          <InlineText text={message} />
        </p>
      )}
      {finding.related && finding.related.length > 0 && (
        <RelatedLinks related={finding.related} numbers={numbers} />
      )}
    </li>
  );
}

/**
 * What an enabled profile's `rules` adjustments do to this exchange: they apply inside its scope
 * only, and may be why a finding is missing here (or rated otherwise), whether or not the
 * profile runs checks of its own.
 */
function Adjustments({ exchange }: { exchange: Exchange }) {
  const userProfiles = usePanel((s) => s.settings.userProfiles);
  const on = usePanel((s) => s.settings.profiles);
  const userRules = usePanel((s) => s.settings.rules);
  const scopes = usePanel((s) => s.settings.profileScopes);
  const adjusting = allProfiles(userProfiles).filter(
    (p) => on.includes(p.doc.id) && profileAdjustments(p.doc).length > 0,
  );
  if (adjusting.length === 0) return null;
  return (
    <ul className="muted profile-adjustments">
      {adjusting.map((p) => {
        const settings = { profileScopes: scopes };
        const scope = describeScope(profileScopeOf(settings, p.doc));
        const what = describeAdjustments(profileAdjustments(p.doc, userRules));
        const outside = compiledScopeOf(settings, p).outOfScope(exchange);
        return (
          <li key={p.doc.id}>
            {outside === undefined
              ? `Inside the scope of ${p.doc.name} (${scope}): ${what}.`
              : `Outside the scope of ${p.doc.name} (${scope}): ${outside}, so its adjustments (${what}) do not apply here.`}
          </li>
        );
      })}
    </ul>
  );
}

/** Which enabled profiles judged this exchange, and why the others did not (out of scope). */
function ProfileVerdicts({ verdicts, exchange }: { verdicts: Analysis['profiles']; exchange: Exchange }) {
  const userProfiles = usePanel((s) => s.settings.userProfiles);
  const anyOn = usePanel((s) => s.settings.profiles.length > 0);
  if (!verdicts || verdicts.length === 0) {
    // A profile that only adjusts rules runs none of its own, so it gives no verdict: it is on all
    // the same, and may be why a finding is missing here.
    return anyOn ? (
      <div className="profile-verdicts">
        <Adjustments exchange={exchange} />
      </div>
    ) : (
      <p className="muted profile-verdicts">
        No profile is on: switch one on under Profiles to check this API’s conventions.
      </p>
    );
  }
  const judged = verdicts.filter((v) => v.reason === undefined);
  const skipped = verdicts.filter((v) => v.reason !== undefined);
  const name = (id: string) => profileName(id, userProfiles);
  return (
    <div className="profile-verdicts">
      <p>
        {judged.length > 0
          ? `Judged by ${judged.map((v) => name(v.profile)).join(', ')}.`
          : 'No profile judged this exchange: it is outside every enabled profile’s scope.'}
      </p>
      {skipped.length > 0 && (
        <ul className="muted">
          {skipped.map((v) => (
            <li key={v.profile}>
              Not judged by {name(v.profile)}: {v.reason}.
            </li>
          ))}
        </ul>
      )}
      <Adjustments exchange={exchange} />
    </div>
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
      <ProfileVerdicts verdicts={analysis.profiles} exchange={row.exchange} />
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

function netErrorOf(failure: string): CatalogueEntry | undefined {
  const name = netErrorName(failure);
  return name ? explainNetError(name) : undefined;
}

/**
 * A failed request whose CORS preflight refused it: the preflight's row holds the cause (and
 * the finding), so say it here and link to that row.
 */
function PreflightRefusal({ exchange }: { exchange: Exchange }) {
  const found = usePanel((s) => preflightRefusing(s.rows, exchange));
  const related = found
    ? [
        {
          id: found.exchange.id,
          index: -1,
          note: `${found.exchange.method} preflight, answered ${found.exchange.serverStatus ?? found.exchange.status}`,
        },
      ]
    : undefined;
  const numbers = useListNumbers(related);
  const causes = found ? corsCauses(found.exchange) : [];
  if (!related || causes.length === 0) return null;
  return (
    <div className="preflight-refused">
      <p>Its CORS preflight refused it, so the browser never sent it:</p>
      <ul>
        {causes.map((c) => (
          <li key={c.kind}>
            <InlineText text={c.text} />
          </li>
        ))}
      </ul>
      <RelatedLinks related={related} numbers={numbers} />
    </div>
  );
}

/**
 * For a failed request, what went wrong leads: the specific net::ERR_ name and its one-line
 * summary, not the generic "no response" entry (which stays below, under "About …").
 */
function NetworkError({ row, net }: { row: Row; net: CatalogueEntry | undefined }) {
  const ex = row.exchange;
  return (
    <section aria-label="Network error" className="net-error">
      <h3>{net ? entryView(net).title : 'Network error'}</h3>
      {ex.serverStatus !== undefined && (
        <p className="server-sent">
          failed · server sent {ex.serverStatus}: the response arrived, but the browser did not hand it to the
          page.
        </p>
      )}
      {ex.failure ? (
        net ? (
          <p className="entry-summary">
            <InlineText text={net.summary} />
          </p>
        ) : (
          <p>
            The browser recorded <code>{ex.failure}</code>, which the catalogue does not describe.
          </p>
        )
      ) : (
        <p className="muted">No network error name was recorded for this request.</p>
      )}
      <PreflightRefusal exchange={ex} />
    </section>
  );
}

/**
 * A failed request's hints that repeat its network error section: the status the server sent,
 * and the net::ERR_ entry (or the unknown name the browser recorded), whose retry advice "About"
 * gives. What it does not say stays: a CORS cause, the console advice when no reason was recorded.
 */
function saidByNetworkError(h: Hint, ex: Exchange, net: CatalogueEntry | undefined): boolean {
  if (h.kind !== 'retry') return false;
  if (ex.serverStatus !== undefined && h.ref === ex.serverStatus) return true;
  if (net) return h.ref === net.code;
  return Boolean(ex.failure) && h.ref === 0;
}

/**
 * The catalogue's general explanation, last: open the first time the user meets a code, then
 * collapsed under "About 422 Unprocessable Content" (the panel store remembers seen codes).
 */
function AboutEntry({ entry, sentReason }: { entry: CatalogueEntry; sentReason?: string | undefined }) {
  const profiles = usePanel((s) => s.settings.profiles);
  const markCodeSeen = usePanel((s) => s.markCodeSeen);
  const api = usePanelApi();
  const key = String(entry.code);
  // Read once, when this row's Overview opens: marking it seen below must not fold it away now.
  const [openAtFirst] = useState(() => !api.getState().seenCodes[key]);
  useEffect(() => markCodeSeen(key), [key, markCodeSeen]);
  const view = entryView(entry, profiles);
  return (
    <section aria-label="Status explanation" className="about-entry">
      <details open={openAtFirst}>
        <summary>About {view.title}</summary>
        <EntryView view={view} {...(sentReason ? { sentReason } : {})} />
      </details>
    </section>
  );
}

/**
 * The selected exchange, most specific first: the network error of a failed request; what the
 * server said (its error members); the findings, worst first; the hints read from this
 * response; the matched OpenAPI operation; and last the catalogue's general explanation.
 */
export function OverviewTab({ row }: { row: Row }) {
  const ex = row.exchange;
  const failed = ex.status === 0;
  const net = failed && ex.failure ? netErrorOf(ex.failure) : undefined;
  const entry = net ?? explainStatus(ex.status);
  const hints = statusHints(ex).filter((h) => !failed || !saidByNetworkError(h, ex, net));
  const sent = ex.statusText.trim();
  const sentReason =
    !failed && sent !== '' && sent.toLowerCase() !== entry.reason.toLowerCase() ? sent : undefined;
  const findingCount = row.analysis?.findings.length;
  const said = row.analysis?.said;
  return (
    <div className="overview">
      {failed && <NetworkError row={row} net={net} />}
      {said && <ServerSaid said={said} />}
      <section aria-label="Findings" className="findings-section">
        <h3>Findings{findingCount !== undefined ? ` (${findingCount})` : ''}</h3>
        <Findings row={row} />
      </section>
      {hints.length > 0 && (
        <section aria-label="Hints" className="hints">
          <h3>For this response</h3>
          <ul>
            {hints.map((h, i) => (
              <li key={i} className={`hint hint-${h.kind}`}>
                <InlineText text={h.text} />
              </li>
            ))}
          </ul>
        </section>
      )}
      {row.analysis?.contract && <OperationSection match={row.analysis.contract} />}
      {row.bodyNote && (
        <p className="body-note" role="note">
          {row.bodyNote}
        </p>
      )}
      <AboutEntry key={`${ex.id} ${entry.code}`} entry={entry} sentReason={sentReason} />
    </div>
  );
}
