import { outlineOf, type ContractOutline } from './coverage';
import { prepareContract, type PrepareResult } from './prepare';
import type { RefLoader } from './refs';
import type { ContractProblem, PreparedContract } from './types';
import { isObjectOrArray } from '../json/walk';

/** A file a description's relative `$ref`s point into (`schemas/pet.yaml`), loaded with it. */
export interface ContractPart {
  /** As the browser gave it: a file name, or a path inside a dropped folder. */
  name: string;
  text: string;
}

/** A description as the extension stores it: the text the user loaded and their base-URL override. */
export interface ContractDoc {
  name: string;
  text: string;
  baseUrl?: string;
  /**
   * The other files loaded at the same time (a description split across files): the extension
   * cannot read files beside the description, so its relative `$ref`s resolve among these.
   */
  parts?: ContractPart[];
  /**
   * A stored description switched off on the options page: kept (text, parts, base URL) but
   * not checked against, so it gives no findings and no coverage until switched back on.
   */
  off?: true;
}

const normalise = (name: string) => name.replace(/\\/g, '/').replace(/^(\.\/)+/, '');

/**
 * Where a relative `$ref` leads among the files loaded with a description. The browser gives
 * file names without their folders (a folder drop gives paths), so `../schemas/pet.yaml` is the
 * part named `schemas/pet.yaml`, or a path ending in it, or the one part named `pet.yaml`.
 */
export function partsLoader(
  mainName: string,
  parts: readonly ContractPart[],
  used?: Set<ContractPart>,
): { loadRef: RefLoader; missingRef: (uri: string) => string } {
  const named = parts.map((p) => ({ ...p, name: normalise(p.name) }));
  const candidates = (uri: string): ContractPart[] => {
    let path: string;
    try {
      path = normalise(decodeURIComponent(new URL(uri).pathname).replace(/^\/+/, ''));
    } catch {
      return [];
    }
    const exact = named.filter((p) => p.name === path || p.name.endsWith(`/${path}`));
    if (exact.length > 0) return exact;
    return named.filter((p) => path.endsWith(`/${p.name}`));
  };
  return {
    loadRef: (uri) => {
      const found = candidates(uri);
      if (found.length !== 1) return undefined;
      used?.add(parts[named.indexOf(found[0]!)]!);
      return found[0]!.text;
    },
    missingRef: (uri) => {
      const found = candidates(uri);
      if (found.length > 1)
        return `${found.length} files loaded with ${mainName} could be it (${found.map((f) => f.name).join(', ')}): load them from their folder (drop the folder) so their paths tell them apart`;
      return `not loaded: choose or drop it together with ${mainName} (several files at once)`;
    },
  };
}

/**
 * Prepares one stored description, its relative `$ref`s resolved among the files loaded with
 * it; `used` collects the files a `$ref` led to.
 */
export function prepareDoc(d: ContractDoc, used?: Set<ContractPart>): PrepareResult {
  return prepareContract(
    { name: d.name, text: d.text, ...(d.baseUrl !== undefined ? { baseUrl: d.baseUrl } : {}) },
    partsLoader(d.name, d.parts ?? [], used),
  );
}

/** Whether a file's text is an OpenAPI (or Swagger) description rather than a part one refers to. */
function isDescriptionText(text: string): boolean {
  return /(?:^|[\s{,])["']?(?:openapi|swagger)["']?\s*:/.test(text.slice(0, 64 * 1024));
}

/**
 * The files a user loaded at once, as descriptions to store: each description carries the
 * other (non-description) files as its parts. When none of them is a description, each is
 * returned as one, so preparing it says what is wrong with it.
 */
export function docsFromFiles(files: readonly ContractPart[]): ContractDoc[] {
  const mains = files.filter((f) => isDescriptionText(f.text));
  if (mains.length === 0) return files.map((f) => ({ name: f.name, text: f.text }));
  const parts = files.filter((f) => !mains.includes(f));
  return mains.map((m) =>
    parts.length > 0 ? { name: m.name, text: m.text, parts } : { name: m.name, text: m.text },
  );
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
    const r = prepareDoc(d);
    if (!r.ok) problems.push(r.problem);
    else {
      contracts.push(r.contract);
      problems.push(...r.contract.problems);
    }
  }
  return { contracts, status: { outlines: contracts.map(outlineOf), problems } };
}

export function isContractDoc(v: unknown): v is ContractDoc {
  if (!isObjectOrArray(v)) return false;
  const o = v;
  return (
    typeof o.name === 'string' &&
    typeof o.text === 'string' &&
    (o.baseUrl === undefined || typeof o.baseUrl === 'string') &&
    (o.off === undefined || o.off === true) &&
    (o.parts === undefined || (Array.isArray(o.parts) && o.parts.every(isContractPart)))
  );
}

export function isContractPart(p: unknown): p is ContractPart {
  return isObjectOrArray(p) && typeof p.name === 'string' && typeof p.text === 'string';
}
