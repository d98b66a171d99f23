import { useEffect, useState } from 'react';
import { prepareDoc, problemText } from '../../core/contract';
import type { ContractDoc } from '../../core/contract';
import { describeContract } from '../../core/contract/new-version';

/** What the options page says of a description it has prepared: at import, and beside it while stored. */
export type DescriptionCheck =
  { ok: true; summary: string; warnings: string[] } | { ok: false; problem: string };

export function checkDescription(doc: ContractDoc): DescriptionCheck {
  const r = prepareDoc(doc);
  if (!r.ok) return { ok: false, problem: problemText(r.problem) };
  return { ok: true, summary: describeContract(r.contract), warnings: r.contract.problems.map(problemText) };
}

const sameParts = (a: ContractDoc['parts'], b: ContractDoc['parts']) =>
  (a ?? []).length === (b ?? []).length &&
  (a ?? []).every((p, i) => p.name === b![i]!.name && p.text === b![i]!.text);

/** Whether preparing `b` says what preparing `a` said: the switch does not change it, the rest may. */
const sameSource = (a: ContractDoc, b: ContractDoc) =>
  a.name === b.name && a.text === b.text && a.baseUrl === b.baseUrl && sameParts(a.parts, b.parts);

/**
 * Each description's last check, by name: preparing one takes a while for a large document
 * (the import already did it once), and every storage change hands the page new copies of every
 * description, so a copy of the same source is not prepared again.
 */
const checked = new Map<string, { doc: ContractDoc; check: DescriptionCheck }>();

/**
 * A stored description's check, prepared after the page has drawn (null until then), and again
 * only when its text, parts or base URL change.
 */
export function useDescriptionCheck(doc: ContractDoc): DescriptionCheck | null {
  const known = checked.get(doc.name);
  const cached = known && sameSource(known.doc, doc) ? known.check : null;
  const [check, setCheck] = useState<DescriptionCheck | null>(cached);
  useEffect(() => {
    if (cached) {
      setCheck(cached);
      return;
    }
    const timer = setTimeout(() => {
      let result: DescriptionCheck;
      try {
        result = checkDescription(doc);
      } catch (e) {
        result = {
          ok: false,
          problem: `${doc.name}: could not be checked: ${String((e as Error)?.message ?? e)}`,
        };
      }
      checked.set(doc.name, { doc, check: result });
      setCheck(result);
    }, 0);
    return () => clearTimeout(timer);
  }, [doc, cached]);
  return check;
}

/** Remembers what the import found, so the list beside it need not prepare the same text again. */
export function rememberCheck(doc: ContractDoc, check: DescriptionCheck): void {
  checked.set(doc.name, { doc, check });
}
