import { listOf } from '../text/list';
import { countOf } from '../text/plural';
import { isObjectOrArray } from '../json/walk';
import { isContractDoc, isContractPart, prepareDoc, type ContractDoc, type ContractPart } from './load';
import { problemText } from './problem-text';
import type { ContractProblem, PreparedContract } from './types';

/**
 * A loaded description checked for storing: what to store, or why it cannot be used. Plain
 * data (the panel's analysis worker checks it and posts this back).
 */
export type NewVersion =
  | {
      ok: true;
      doc: ContractDoc;
      /** What it is, in one line (describeContract). */
      summary: string;
      /** What preparing it warned of (problemText of each). */
      warnings: string[];
      /** The stored copy it replaces, if any. */
      previous: ContractDoc | undefined;
      /** Files of the stored copy kept because its `$ref`s still point to them (loaded without them). */
      keptParts: ContractPart[];
    }
  | { ok: false; problem: ContractProblem; previous: ContractDoc | undefined };

/**
 * A description the user loaded, prepared as it would be stored. A new version of one stored
 * under its name keeps what the API owner set on the stored one — its base URL and its switch
 * (one switched off stays off) — and the stored files its `$ref`s still point to that this load
 * did not bring (the browser cannot read files beside it: a new version of the main file alone
 * must not lose them; files its `$ref`s no longer reach go). One that cannot be used is not to
 * be stored, so the stored copy stays whole. `previous` is the stored description with its
 * name. Every surface that loads a description (the options page, the panel's toolbar) goes
 * through this.
 */
export function prepareNewVersion(loaded: ContractDoc, previous: ContractDoc | undefined): NewVersion {
  const brought = loaded.parts ?? [];
  const named = new Set(brought.map((p) => p.name));
  const offered = (previous?.parts ?? []).filter((p) => !named.has(p.name));
  const doc: ContractDoc = { name: loaded.name, text: loaded.text };
  if (brought.length + offered.length > 0) doc.parts = [...brought, ...offered];
  if (previous?.baseUrl !== undefined) doc.baseUrl = previous.baseUrl;
  if (previous?.off) doc.off = true;
  const used = new Set<ContractPart>();
  const r = prepareDoc(doc, used);
  if (!r.ok) return { ok: false, problem: r.problem, previous };
  const keptParts = offered.filter((p) => used.has(p));
  if (keptParts.length < offered.length) {
    const parts = [...brought, ...keptParts];
    if (parts.length > 0) doc.parts = parts;
    else delete doc.parts;
  }
  return {
    ok: true,
    doc,
    summary: describeContract(r.contract),
    warnings: r.contract.problems.map(problemText),
    previous,
    keptParts,
  };
}

/** "Swagger Petstore 1.0.19, OpenAPI 3.0, 19 operations": what a description is, in one line. */
export function describeContract(c: PreparedContract): string {
  return `${c.title} ${c.apiVersion}, OpenAPI ${c.version}, ${countOf(c.operations.length, 'operation')}`;
}

/**
 * What a surface says once a description is stored: what it is, and, when it replaced a stored
 * copy (never silently), what of that copy it kept. `offHint` is where this surface tells the
 * user to switch it back on.
 */
export function loadedLine(v: Extract<NewVersion, { ok: true }>, offHint: string): string {
  const { doc, previous, keptParts } = v;
  const parts = doc.parts ?? [];
  const what = `${v.summary}${parts.length > 0 ? `, with ${parts.map((p) => p.name).join(', ')}` : ''}`;
  if (!previous) return `${doc.name}: ${what}`;
  const kept: string[] = [];
  if (doc.baseUrl !== undefined) kept.push(`its base URL ${doc.baseUrl}`);
  if (keptParts.length > 0)
    kept.push(`${listOf(keptParts.map((p) => p.name))} (stored with it, and its $refs point to them)`);
  const keeping = kept.length > 0 ? `, keeping ${listOf(kept)}` : '';
  const off = doc.off ? `; it is switched off: ${offHint}` : '';
  return `${doc.name}: stored copy updated to ${what}${keeping}${off}`;
}

/** What a surface says of a loaded description that cannot be used, and so was not stored. */
export function notStoredLine(v: Extract<NewVersion, { ok: false }>): string {
  return `Not saved: ${problemText(v.problem)}${v.previous ? `; the stored ${v.previous.name} is kept as it was` : ''}`;
}

/** Whether a value is a NewVersion (as the analysis worker posts one back). */
export function isNewVersion(v: unknown): v is NewVersion {
  if (!isObjectOrArray(v) || (v.previous !== undefined && !isContractDoc(v.previous))) return false;
  if (v.ok === false) return isObjectOrArray(v.problem) && typeof v.problem.message === 'string';
  return (
    v.ok === true &&
    isContractDoc(v.doc) &&
    typeof v.summary === 'string' &&
    Array.isArray(v.warnings) &&
    v.warnings.every((w) => typeof w === 'string') &&
    Array.isArray(v.keptParts) &&
    v.keptParts.every(isContractPart)
  );
}
