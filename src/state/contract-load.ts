import type { ContractStore } from '../adapters/ports';
import type { ContractDoc } from '../core/contract/load';
import { prepareNewVersion, type NewVersion } from '../core/contract/new-version';

/**
 * Checks a description the user loaded (options page, panel toolbar) and stores it, a new
 * version of a stored one keeping the owner's settings on it (prepareNewVersion). One that
 * cannot be used is not stored: a stored copy under its name stays whole. `stored` is what the
 * surface knows is stored.
 */
export async function storeLoadedDescription(
  store: ContractStore,
  loaded: ContractDoc,
  stored: readonly ContractDoc[],
): Promise<NewVersion> {
  const v = prepareNewVersion(loaded, stored);
  if (v.ok) await store.put(v.doc);
  return v;
}
