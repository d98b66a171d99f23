import { useMemo } from 'react';
import { anyRuleById as ruleById } from '../../core/rules/registry';
import { topRules } from '../../core/summary/summary';
import { usePopup } from './popup-context';
import { SeverityMark } from '../../ui/SeverityMark';
import { countOf } from '../../core/text/plural';

export function TopRules() {
  const summary = usePopup((s) => s.summary);
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
              {ruleById(rule)?.description ?? 'A rule this version does not know.'}
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
