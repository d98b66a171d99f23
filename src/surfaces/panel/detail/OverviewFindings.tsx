import { RelatedLinks } from './RelatedLinks';
import { renumbered, useListNumbers } from './list-numbers';
import { flushSync } from 'react-dom';
import { bodyPlace } from '../../../core/report/body-place';
import { describeAdjustments, profileAdjustments } from '../../../core/profiles/adjustments';
import { allProfiles, profileName } from '../../../core/profiles/registry';
import { describeScope } from '../../../core/profiles/scope';
import { compiledScopeOf, profileScopeOf } from '../../../core/engine/analyze';
import type { Exchange } from '../../../core/exchange/types';
import { SEVERITY_RANK, type Analysis, type Finding } from '../../../core/rules/types';
import type { Row } from '../../../state/panel-store';
import { SafeLink } from '../../../ui/SafeLink';
import { SeverityMark } from '../../../ui/SeverityMark';
import { usePanel } from '../panel-context';
import { InlineText } from '../../../ui/InlineText';

/*
 * The Overview's findings, worst first: each with its source, pointer and related requests, and
 * the verdicts and rule adjustments of the profiles beside them.
 */

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

export function Findings({ row }: { row: Row }) {
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
