// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderOptions, uploadFile } from '../../helpers/options';

afterEach(cleanup);

const upload = (text: string, name: string) => uploadFile('Import profile from a JSON file', text, name);

describe('options: a profile file that cannot be imported', { timeout: 20_000 }, () => {
  it('names the file in the heading, as a refused settings file is; each error names its place', async () => {
    const { settingsStore } = renderOptions();
    await upload(
      JSON.stringify({ id: 'acme', name: 'Acme API', statuses: { all: [200, 700] } }),
      'acme-profile.json',
    );
    const alert = await screen.findByRole('alert');
    expect(
      within(alert).getByText('The profile in acme-profile.json was not imported; nothing was changed:'),
    ).toBeInTheDocument();
    // The file is named once, in the heading, not again before every error.
    expect(
      within(alert).getByText(
        '$.statuses.all[1]: expected a status code from 100 to 599 or a class such as "4XX", got 700',
      ),
    ).toBeInTheDocument();
    expect(settingsStore.saved).toHaveLength(0);
  });

  it('a file that is not JSON is named too', async () => {
    renderOptions();
    await upload('{ not json', 'broken.json');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      /^The profile in broken\.json was not imported; nothing was changed:\$: not JSON/,
    );
  });

  it('a long file name is shortened in the heading', async () => {
    renderOptions();
    const name = `${'a'.repeat(400)}.json`;
    await upload('[]', name);
    const heading = within(await screen.findByRole('alert')).getByText(
      /^The profile in a+… was not imported/,
    );
    expect(heading.textContent!.length).toBeLessThan(400);
  });
});
