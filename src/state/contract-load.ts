import type { ContractStore } from '../adapters/ports';
import type { ContractDoc } from '../core/contract/load';
import { prepareNewVersion, type NewVersion } from '../core/contract/new-version';

/** Prepares a loaded description as a new version of `previous` (prepareNewVersion), here or elsewhere. */
export type NewVersionCheck = (loaded: ContractDoc, previous: ContractDoc | undefined) => Promise<NewVersion>;

/**
 * Checks a description the user loaded (options page, panel toolbar) and stores it, a new
 * version of a stored one keeping the owner's settings on it (prepareNewVersion). One that
 * cannot be used is not stored: a stored copy under its name stays whole. `stored` is what the
 * surface knows is stored; `check` is where preparing runs (the panel: its analysis worker).
 */
export async function storeLoadedDescription(
  store: ContractStore,
  loaded: ContractDoc,
  stored: readonly ContractDoc[],
  check: NewVersionCheck = async (l, p) => prepareNewVersion(l, p),
): Promise<NewVersion> {
  const v = await check(
    loaded,
    stored.find((d) => d.name === loaded.name),
  );
  if (v.ok) await store.put(v.doc);
  return v;
}
