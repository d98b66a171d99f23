import { countOf } from '../../core/text/plural';

/** Up to this many warnings are listed as they are; more fold into a count that opens. */
export const OPEN_WARNINGS = 3;

/**
 * A stored description's load warnings (operations disabled because a schema cannot be used,
 * parts of the wrong shape, each named by its JSON Pointer): every one of them, listed, or when
 * there are many, behind their count.
 */
export function DescriptionWarnings({ name, warnings }: { name: string; warnings: readonly string[] }) {
  if (warnings.length === 0) return null;
  const list = (
    <ul aria-label={`Load warnings of ${name}`}>
      {warnings.map((w, i) => (
        <li key={i}>{w}</li>
      ))}
    </ul>
  );
  if (warnings.length <= OPEN_WARNINGS) return <div className="description-warnings">{list}</div>;
  return (
    <details className="description-warnings">
      <summary>{countOf(warnings.length, 'load warning')}</summary>
      {list}
    </details>
  );
}
