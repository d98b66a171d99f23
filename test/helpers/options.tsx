import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryContractStore, MemoryPermissions, MemorySettingsStore } from '../../src/adapters/memory';
import { defaultSettings, type Settings } from '../../src/core/settings/schema';
import { createOptionsStore } from '../../src/state/options-store';
import { App } from '../../src/surfaces/options/App';
import { ContractStoreContext } from '../../src/surfaces/options/contract-context';
import { OptionsProvider } from '../../src/surfaces/options/options-context';

/** The options page over in-memory settings and OpenAPI stores, Chrome granting nothing yet. */
export function renderOptions(settings: Settings = defaultSettings()) {
  const settingsStore = new MemorySettingsStore(settings);
  const store = createOptionsStore({
    settings: settingsStore,
    permissions: new MemoryPermissions(false, true),
    download: () => {},
    debounceMs: 5,
  });
  render(
    <OptionsProvider value={store}>
      <ContractStoreContext.Provider value={new MemoryContractStore()}>
        <App />
      </ContractStoreContext.Provider>
    </OptionsProvider>,
  );
  return { settingsStore, user: userEvent.setup() };
}

/** Chooses a file of `text` named `name` in the options page's picker labelled `label`. */
export async function uploadFile(label: string, text: string, name: string) {
  await userEvent.upload(
    await screen.findByLabelText(label),
    new File([text], name, { type: 'application/json' }),
  );
}
