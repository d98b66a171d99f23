// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../../src/surfaces/panel/App';
import { harDocument, harEntry } from '../../helpers/har';
import { setupPanel } from '../../helpers/panel';

describe('an imported entry whose request URL is empty', () => {
  it('is listed and opened as "(no URL)", not as a blank name', async () => {
    const { renderIn, importer, store } = setupPanel();
    renderIn(<App />);
    const entry = harEntry({ url: '', status: 200, headers: { 'Content-Type': 'application/json' } });
    const har = JSON.stringify(harDocument([entry]));
    await importer.importFiles([new File([har], 'empty-url.har')]);
    // Not an API call by its URL: shown once "API only" is off.
    store.getState().setFilter({ apiOnly: false });
    const row = await waitFor(() => {
      const rows = screen.getAllByRole('row').filter((r) => r.hasAttribute('data-id'));
      expect(rows).toHaveLength(1);
      return rows[0]!;
    });
    expect(within(row).getByText('(no URL)')).toBeInTheDocument();
    fireEvent.click(row);
    const detail = screen.getByRole('region', { name: 'Selected request' });
    expect(detail.querySelector('.detail-url')).toHaveTextContent('(no URL)');
  });
});
