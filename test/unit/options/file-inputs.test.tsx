// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MemoryContractStore, MemoryPermissions, MemorySettingsStore } from '../../../src/adapters/memory';
import { createOptionsStore } from '../../../src/state/options-store';
import { App } from '../../../src/surfaces/options/App';
import { ContractStoreContext } from '../../../src/surfaces/options/contract-context';
import { OptionsProvider } from '../../../src/surfaces/options/options-context';

afterEach(cleanup);

function setup() {
  const store = createOptionsStore({
    settings: new MemorySettingsStore(),
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
  return userEvent.setup();
}

/**
 * Each file picker of the options page is named for what it imports, beyond the bare words of
 * the label it sits in, and its name starts with those visible words (voice control: "click
 * Import settings").
 */
describe('options: the file pickers say what they import', () => {
  it.each([
    ['Import settings from a JSON file', 'Import settings'],
    ['Import profile from a JSON file', 'Import profile'],
  ])('%s', async (name, visible) => {
    setup();
    const input = await screen.findByLabelText(name, { exact: true });
    expect(input).toHaveAttribute('type', 'file');
    expect(input).toHaveAttribute('accept', '.json,application/json');
    expect(input.closest('label')).toHaveTextContent(visible);
  });

  it('the OpenAPI picker: its button, which is what a keyboard reaches, names the descriptions', async () => {
    const user = setup();
    const button = await screen.findByRole('button', {
      name: 'Choose files: OpenAPI descriptions to import',
    });
    expect(button).toHaveTextContent('Choose files…');
    const input = screen.getByLabelText<HTMLInputElement>('OpenAPI description file');
    const opened = vi.spyOn(input, 'click');
    await user.click(button);
    expect(opened).toHaveBeenCalledOnce();
  });
});
