import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { prepareContract, type ContractProblem, type PreparedContract } from '../../core/contract';
import { contractDiagnostic, diagnosticLine, type Diagnostic } from '../diagnostic';
import { InputError } from '../io';
import { describeFsError } from './source';
import { repeatNote, sameFileKey } from './repeats';

/** One description to load: a path (relative to `base`) and an optional base-URL override. */
export interface ContractRef {
  file: string;
  /**
   * How diagnostics and findings name it: a path that opens from the working directory, as
   * editors and CI problem matchers need (`--openapi`'s as typed; a settings file's entry joined
   * to the settings file's path as typed, since the entry is relative to the settings file).
   */
  name: string;
  baseUrl?: string;
  /** Directory `file` is relative to (the working directory, or the settings file's). */
  base: string;
  /** An entry of a settings file's `openapi` list: its file (as given) and position, which a file that cannot be read names. */
  from?: { config: string; index: number };
}

/**
 * A description that cannot be read. One a settings file lists is named from there, as written
 * and as the path it led to, since a path that opens from the working directory may not be the
 * one meant: `sub/settings.json: error: openapi[2]: ./api/openapi.yaml (sub/api/openapi.yaml:
 * paths in a settings file are relative to it): cannot read the OpenAPI document: no such file`.
 */
function unreadable(ref: ContractRef, why: string): Diagnostic {
  const message = `cannot read the OpenAPI document: ${why}`;
  if (ref.from === undefined) return { place: { file: ref.name }, severity: 'error', message };
  const led = ref.name === ref.file ? '' : ` (${ref.name}: paths in a settings file are relative to it)`;
  return {
    place: { file: ref.from.config },
    severity: 'error',
    message: `openapi[${ref.from.index}]: ${ref.file}${led}: ${message}`,
  };
}

/** Reads a file a relative `$ref` names; only local files (the CLI never fetches). */
function loadRef(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return readFileSync(fileURLToPath(uri), 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * How diagnostics and findings name the files a description's `$ref`s lead to: by the way to
 * them from the description's own name (`ref.name`), so they open from the working directory
 * when it does (an absolute name gives absolute ones).
 */
function partNames(name: string, abs: string): (uri: string) => string | undefined {
  return (uri) => {
    if (!uri.startsWith('file:')) return undefined;
    const part = fileURLToPath(uri);
    const way = relative(dirname(abs), part);
    return isAbsolute(way) ? part : join(dirname(name), way);
  };
}

/**
 * Loads and prepares every description. A document that cannot be used at all (unreadable, not
 * JSON/YAML, not OpenAPI 3.x, too large) stops the run with exit code 2 before any linting;
 * narrower problems (an operation whose schema cannot be compiled) come back as warnings.
 */
export async function loadContracts(
  refs: readonly ContractRef[],
): Promise<{ contracts: PreparedContract[]; warnings: ContractProblem[] }> {
  const contracts: PreparedContract[] = [];
  const warnings: ContractProblem[] = [];
  const errors: Diagnostic[] = [];
  for (const ref of refs) {
    const abs = resolve(ref.base, ref.file);
    let text: string;
    try {
      text = await readFile(abs, 'utf8');
    } catch (e) {
      errors.push(unreadable(ref, describeFsError(e)));
      continue;
    }
    const result = prepareContract(
      {
        name: ref.name,
        text,
        uri: pathToFileURL(abs).href,
        ...(ref.baseUrl !== undefined ? { baseUrl: ref.baseUrl } : {}),
      },
      { loadRef, nameOf: partNames(ref.name, abs) },
    );
    if (!result.ok) {
      errors.push(contractDiagnostic(result.problem, 'error'));
      continue;
    }
    contracts.push(result.contract);
    warnings.push(...result.contract.problems);
  }
  if (errors.length > 0) throw new InputError(errors);
  return { contracts, warnings };
}

/**
 * The descriptions to load, each file once: the same file given again (by --openapi or the
 * settings file, under any spelling or link) would be counted twice in the coverage though only
 * the first is matched, so a repeat is dropped with a note. The same file at another base URL
 * is another scope, and stays.
 */
export async function withoutRepeats(
  refs: readonly ContractRef[],
): Promise<{ refs: ContractRef[]; notes: Diagnostic[] }> {
  const kept = new Map<string, ContractRef>();
  const notes: Diagnostic[] = [];
  for (const ref of refs) {
    const key = `${await sameFileKey(resolve(ref.base, ref.file))}\u0000${ref.baseUrl ?? ''}`;
    const first = kept.get(key);
    if (first === undefined) kept.set(key, ref);
    else notes.push(repeatNote(ref.name, first.name, 'loaded once'));
  }
  return { refs: [...kept.values()], notes };
}

/** The note for a settings file's `openapi` entry switched off (`"off": true`): it is not loaded. */
export function switchedOffNote(file: string, index: number, configPath: string | undefined): Diagnostic {
  const note: Diagnostic = {
    severity: 'note',
    message: `openapi[${index}]: ${file} is switched off ("off": true): not loaded, so no contract findings or coverage from it`,
  };
  if (configPath !== undefined) note.place = { file: configPath };
  return note;
}

/**
 * What loading the descriptions found, for standard error before any linting (lint and diff):
 * each one switched off, then each operation that cannot be checked.
 */
export function contractLoadLines(plan: {
  contractNotes?: readonly Diagnostic[];
  contractWarnings?: readonly ContractProblem[];
}): string {
  return [
    ...(plan.contractNotes ?? []),
    ...(plan.contractWarnings ?? []).map((w) => contractDiagnostic(w, 'warning')),
  ]
    .map((d) => diagnosticLine(d))
    .join('');
}
