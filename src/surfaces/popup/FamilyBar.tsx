import { FAMILIES, FAMILY_LABEL } from '../../core/exchange/family';
import { usePopup } from './popup-context';
import { countOf } from '../../core/text/plural';

/** What the counts below count: every request the tab made, whatever the panel's view shows. */
export const COUNTED =
  'Every request of this tab, the page and its assets included (the panel’s “API only” view leaves those out).';

/** Requests by status family (failed ones got no response: "requests", not "responses"): a stacked bar for the eye, the counts as text for everyone. */
export function FamilyBar() {
  const families = usePopup((s) => s.summary?.families);
  if (!families) return null;
  const shown = FAMILIES.filter((f) => (families[f] ?? 0) > 0);
  const total = shown.reduce((n, f) => n + families[f], 0);
  return (
    <section aria-labelledby="families-heading">
      <h2 id="families-heading">{countOf(total, 'request')}</h2>
      {/* The panel opens on "API only": without this, its chips and these counts seem to disagree. */}
      <p className="muted counted">{COUNTED}</p>
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
