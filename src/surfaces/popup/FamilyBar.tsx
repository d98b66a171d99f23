import { FAMILIES, FAMILY_LABEL } from '../../core/exchange/family';
import { usePopup } from './popup-context';
import { countOf } from '../../core/text/plural';

/**
 * What the counts below count, said when they differ from the panel's: every request the tab
 * made, while the panel's "API only" hides `hidden` of them (TabSummary.apiOnlyHides).
 */
export const counted = (hidden: number) =>
  `Every request of this tab, the page and its assets included: the panel’s “API only” view leaves out ${hidden} of them.`;

/** Requests by status family (failed ones got no response: "requests", not "responses"): a stacked bar for the eye, the counts as text for everyone. */
export function FamilyBar() {
  const families = usePopup((s) => s.summary?.families);
  const hidden = usePopup((s) => s.summary?.apiOnlyHides ?? 0);
  if (!families) return null;
  const shown = FAMILIES.filter((f) => (families[f] ?? 0) > 0);
  const total = shown.reduce((n, f) => n + families[f], 0);
  return (
    <section aria-labelledby="families-heading">
      <h2 id="families-heading">{countOf(total, 'request')}</h2>
      {/* Under "API only" the panel's chips count fewer: without this, the two seem to disagree. */}
      {hidden > 0 && <p className="muted counted">{counted(hidden)}</p>}
      <div className="family-bar" aria-hidden="true">
        {shown.map((f) => (
          <span key={f} className={`seg seg-${f}`} style={{ flexGrow: families[f] }} />
        ))}
      </div>
      <ul className="family-legend" aria-label="Requests by status family">
        {shown.map((f) => (
          <li key={f} data-family={f}>
            <span className={`swatch seg-${f}`} aria-hidden="true" />
            <span className={`fam-${f}`}>{FAMILY_LABEL[f]}</span>{' '}
            <strong className="count">{families[f]}</strong>
          </li>
        ))}
      </ul>
    </section>
  );
}
