import { useMemo } from 'react';
import { knownRule } from '../../core/profiles/registry';
import { topRules } from '../../core/summary/summary';
import { usePopup } from './popup-context';
import { SeverityMark } from '../../ui/SeverityMark';
import { countOf } from '../../core/text/plural';

/**
 * A summary outlives what made it: it may name a rule of an earlier version, or of a profile
 * since deleted (its rules are known only while the profile is stored).
 */
const UNKNOWN_RULE =
  'Neither this version nor any of your profiles has this rule: it may be an earlier version’s, or a deleted profile’s.';

export function TopRules() {
  const summary = usePopup((s) => s.summary);
  const userProfiles = usePopup((s) => s.userProfiles);
  const top = useMemo(() => (summary ? topRules(summary, 5) : []), [summary]);
  if (top.length === 0) return null;
  return (
    <section aria-labelledby="rules-heading">
      <h2 id="rules-heading">Top broken rules</h2>
      <ol className="top-rules" aria-label="Top broken rules">
        {top.map(({ rule, count, severity }) => (
          <li key={rule} data-rule={rule}>
            <div className="rule-line">
              <span>
                {severity && <SeverityMark severity={severity} label={false} />}{' '}
                <code className="rule-id">{rule}</code>
              </span>
              <span className="count" title={countOf(count, 'finding')}>
                ×{count}
              </span>
            </div>
            <div className="muted description">
              {knownRule(rule, userProfiles)?.description ?? UNKNOWN_RULE}
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
