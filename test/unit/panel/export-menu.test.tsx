// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../../src/surfaces/panel/App';
import { harEntry } from '../../helpers/har';
import { setupPanel } from '../../helpers/panel';
import { defaultSettings } from '../../../src/core/settings/schema';

type Source = ReturnType<typeof setupPanel>['source'];

/** A POST answered 201 with no Location (http/created-location), its credentials in the URL and a header. */
const created = (source: Source) =>
  source.emit(
    harEntry({
      method: 'POST',
      url: 'https://api.example.com/users?access_token=tok-SECRET&x=1',
      status: 201,
      headers: { 'Content-Type': 'application/json' },
      requestHeaders: { Authorization: 'Bearer SECRET-BEARER' },
    }),
    { text: '{"id":1}' },
  );

const ok = (source: Source) =>
  source.emit(
    harEntry({
      url: 'https://api.example.com/ok',
      status: 200,
      headers: { 'Content-Type': 'application/json' },
    }),
    { text: '{}' },
  );

function traffic(source: Source) {
  created(source);
  ok(source);
}

async function exportAs(label: RegExp) {
  fireEvent.click(screen.getByRole('button', { name: /Export/ }));
  fireEvent.click(screen.getByRole('menuitem', { name: label }));
}

describe('export menu', () => {
  it('exports a HAR of the shown requests with secrets redacted by default', async () => {
    const { renderIn, source, downloads } = setupPanel();
    renderIn(<App />);
    act(() => traffic(source));
    await waitFor(() =>
      expect(screen.getAllByRole('row').filter((r) => r.hasAttribute('data-id'))).toHaveLength(2),
    );
    fireEvent.change(screen.getByRole('combobox', { name: 'Filter requests' }), {
      target: { value: 'status:201' },
    });
    await exportAs(/HAR of the 1 shown/);
    // Built in the worker (inline in tests): it arrives a moment later.
    await waitFor(() => expect(downloads).toHaveLength(1));
    const har = JSON.parse(downloads[0]!.text);
    expect(har.log.entries).toHaveLength(1);
    expect(downloads[0]!.text).not.toContain('SECRET');
  });

  it('exports raw when the user opts in', async () => {
    const { renderIn, source, downloads } = setupPanel();
    renderIn(<App />);
    act(() => traffic(source));
    await waitFor(() =>
      expect(screen.getAllByRole('row').filter((r) => r.hasAttribute('data-id'))).toHaveLength(2),
    );
    fireEvent.click(screen.getByRole('button', { name: /Export/ }));
    fireEvent.click(screen.getByLabelText(/Include secrets/));
    fireEvent.click(screen.getByRole('menuitem', { name: /HAR of the/ }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(downloads[0]!.text).toContain('SECRET-BEARER');
  });

  it.each([
    [/Markdown/, 'md', (t: string) => expect(t).toMatch(/^# status-lens report/)],
    [
      /JSON/,
      'json',
      (t: string) => expect(JSON.parse(t)).toMatchObject({ version: 1, tool: { name: 'status-lens' } }),
    ],
    [/SARIF/, 'sarif', (t: string) => expect(JSON.parse(t)).toMatchObject({ version: '2.1.0' })],
  ])('exports a findings report as %s', async (label, ext, check) => {
    const { renderIn, source, downloads } = setupPanel();
    renderIn(<App />);
    act(() => traffic(source));
    await waitFor(() =>
      expect(screen.getAllByRole('row').filter((r) => r.hasAttribute('data-id'))).toHaveLength(2),
    );
    await waitFor(() => expect(screen.queryAllByTitle('Analysing…')).toHaveLength(0));
    await exportAs(label);
    await waitFor(() => expect(downloads).toHaveLength(1));
    const { fileName, text } = downloads[0]!;
    expect(fileName.endsWith(`.${ext}`)).toBe(true);
    check(text);
    expect(text).toContain('http/created-location');
    expect(text).not.toContain('tok-SECRET');
  });

  it("names each request in the Markdown report by the list's #, whatever the filter leaves out", async () => {
    const { renderIn, source, downloads, store } = setupPanel();
    renderIn(<App />);
    // The 201 (a finding: no Location) is the list's #2; alone under the filter, the first exported.
    act(() => {
      ok(source);
      created(source);
    });
    // Listed once DevTools' log is read (capture.ts holds what finishes meanwhile), then analysed.
    await waitFor(() => expect(store.getState().rows).toHaveLength(2));
    await waitFor(() => expect(screen.queryAllByTitle('Analysing…')).toHaveLength(0));
    fireEvent.change(screen.getByRole('combobox', { name: 'Filter requests' }), {
      target: { value: 'status:201' },
    });
    await exportAs(/Markdown/);
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(downloads[0]!.text).toContain('Status Lens capture, request \\#2');
    expect(downloads[0]!.text).not.toContain('entry 0');
  });

  it('names in the report only the profiles that judged the rows', async () => {
    // "user:gone" is still enabled but its document was deleted: it judged nothing.
    const { renderIn, source, downloads } = setupPanel({
      ...defaultSettings(),
      profiles: ['problem', 'user:gone'],
    });
    renderIn(<App />);
    act(() => traffic(source));
    await waitFor(() => expect(screen.queryAllByTitle('Analysing…')).toHaveLength(0));
    await exportAs(/JSON/);
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(JSON.parse(downloads[0]!.text).profiles).toEqual(['problem']);
  });
});
