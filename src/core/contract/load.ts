import { outlineOf, type ContractOutline } from './coverage';
import { prepareContract } from './prepare';
import type { ContractProblem, PreparedContract } from './types';

/** A description as the extension stores it: the text the user loaded and their base-URL override. */
export interface ContractDoc {
  name: string;
  text: string;
  baseUrl?: string;
}

/** What the panel learns about its loaded descriptions: outlines for coverage, and what went wrong. */
export interface ContractsStatus {
  outlines: ContractOutline[];
  /** Documents that could not be used at all, and operations disabled in the others. */
  problems: ContractProblem[];
}

/** Prepares every stored description; one that fails is reported and the others keep working. */
export function prepareAll(docs: readonly ContractDoc[]): {
  contracts: PreparedContract[];
  status: ContractsStatus;
} {
  const contracts: PreparedContract[] = [];
  const problems: ContractProblem[] = [];
  for (const d of docs) {
    const r = prepareContract({
      name: d.name,
      text: d.text,
      ...(d.baseUrl !== undefined ? { baseUrl: d.baseUrl } : {}),
    });
    if (!r.ok) problems.push(r.problem);
    else {
      contracts.push(r.contract);
      problems.push(...r.contract.problems);
    }
  }
  return { contracts, status: { outlines: contracts.map(outlineOf), problems } };
}

export function isContractDoc(v: unknown): v is ContractDoc {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  return (
    typeof o.name === 'string' &&
    typeof o.text === 'string' &&
    (o.baseUrl === undefined || typeof o.baseUrl === 'string')
  );
}
