// @vitest-environment jsdom
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { MemoryProfileStore, MemorySummarySource, MemoryTabs } from '../../../src/adapters/memory';
import { userProfileRules } from '../../../src/core/profiles/registry';
import type { ProfileDocument } from '../../../src/core/profiles/types';
import { addToSummary, emptySummary, type TabSummary } from '../../../src/core/summary/summary';
import { createPopupStore, tabIdFromQuery } from '../../../src/state/popup-store';
import { App } from '../../../src/surfaces/popup/App';
import { PopupProvider } from '../../../src/surfaces/popup/popup-context';
import { followSystemTheme } from '../../../src/ui/system-theme';

afterEach(cleanup);

const err = (rule: string, message = 'broken') => ({ rule, severity: 'error' as const, message });

function busySummary(): TabSummary {
  return addToSummary(
    emptySummary(1),
    [
      { method: 'GET', url: 'https://api.test/', status: 200, findings: [] },
      { method: 'GET', url: 'https://api.test/ok', status: 200, findings: [] },
      {
        method: 'GET',
        url: 'https://api.test/me',
        status: 401,
        findings: [
          err('http/unauthorized-challenge', '401 Unauthorized to GET has no WWW-Authenticate header'),
        ],
      },
      {
        method: 'POST',
        url: 'https://api.test/login?next=/x',
        status: 401,
        findings: [err('http/unauthorized-challenge')],
      },
      {
        method: 'GET',
        url: 'https://api.test/boom',
        status: 500,
        findings: [{ rule: 'body/empty-error', severity: 'warning', message: 'empty' }],
      },
      {
        method: 'GET',
        url: 'https://api.test/v',
        status: 200,
        findings: [{ rule: 'security/server-version-disclosure', severity: 'info', message: 'nginx/1.25.3' }],
      },
    ],
    1,
  );
}

function setup(
  opts: {
    tabId?: number;
    activeId?: number | undefined;
    summary?: TabSummary;
    profiles?: MemoryProfileStore;
  } = {},
) {
  const source = new MemorySummarySource();
  const tabs = new MemoryTabs();
  // The fake's constructor defaults an undefined id to 1, so "no active tab" is set afterwards.
  if ('activeId' in opts) tabs.activeId = opts.activeId;
  const tabId = opts.tabId ?? 1;
  if (opts.summary) source.set(tabId, opts.summary);
  const store = createPopupStore({
    source,
    tabs,
    ...(opts.tabId !== undefined ? { tabId: opts.tabId } : {}),
    ...(opts.profiles ? { profiles: opts.profiles } : {}),
  });
  render(
    <PopupProvider value={store}>
      <App />
    </PopupProvider>,
  );
  return { source, tabs, store };
}

describe('the popup', () => {
  it('says how to get data when the tab has none', async () => {
    setup();
    expect(await screen.findByText(/Nothing recorded for this tab yet/)).toBeInTheDocument();
    expect(screen.getByText(/Status Lens/, { selector: 'strong' })).toBeInTheDocument();
    expect(screen.getByText(/Monitoring without DevTools/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Clear this tab' })).toBeDisabled();
  });

  it('shows family counts, severity totals, top rules with descriptions and the latest problems', async () => {
    setup({ summary: busySummary() });
    const families = await screen.findByRole('list', { name: 'Requests by status family' });
    const fam = (f: string) =>
      within(families)
        .getAllByRole('listitem')
        .find((li) => li.dataset.family === f)?.textContent;
    expect(fam('2xx')).toMatch(/2xx\s*3/);
    expect(fam('4xx')).toMatch(/4xx\s*2/);
    expect(fam('5xx')).toMatch(/5xx\s*1/);
    expect(fam('3xx')).toBeUndefined();
    expect(screen.getByRole('heading', { name: '6 requests' })).toBeInTheDocument();

    const totals = screen.getByRole('list', { name: 'Findings by severity' });
    expect(totals).toHaveTextContent(/2\s*errors/);
    expect(totals).toHaveTextContent(/1\s*warning\b/);
    expect(totals).toHaveTextContent(/1\s*info/);

    const rules = within(screen.getByRole('list', { name: 'Top broken rules' })).getAllByRole('listitem');
    expect(rules[0]).toHaveTextContent('http/unauthorized-challenge');
    expect(rules[0]).toHaveTextContent('×2');
    expect(rules[0]).toHaveTextContent('A 401 Unauthorized must carry a WWW-Authenticate challenge');
    expect(rules.map((r) => r.dataset.rule)).toEqual([
      'http/unauthorized-challenge',
      'body/empty-error',
      'security/server-version-disclosure',
    ]);

    const recent = within(screen.getByRole('list', { name: 'Latest problem responses' })).getAllByRole(
      'listitem',
    );
    // Newest first.
    expect(recent[0]).toHaveTextContent('nginx/1.25.3');
    expect(recent.at(-1)).toHaveTextContent('/me');
    expect(recent.at(-1)).toHaveTextContent('401');
    expect(
      recent.some((r) => r.textContent?.includes('POST') && r.textContent.includes('/login?next=/x')),
    ).toBe(true);
  });

  it('renders page-supplied paths and messages as text, never as markup', async () => {
    const evil = addToSummary(
      emptySummary(1),
      [
        {
          method: 'GET',
          url: 'https://x.test/<img src=x onerror=alert(1)>',
          status: 500,
          findings: [err('http/unauthorized-challenge', '<b>bold</b>')],
        },
      ],
      1,
    );
    setup({ summary: evil });
    await screen.findByText('<b>bold</b>');
    // Decoded for reading, the markup is still text: no element is made of it.
    expect(screen.getByText('/<img src=x onerror=alert(1)>')).toBeInTheDocument();
    expect(document.querySelector('img, main b')).toBeNull();
  });

  it('reads a path decoded, as the request list does, keeping the recorded form in its tooltip', async () => {
    const encoded = addToSummary(
      emptySummary(1),
      [
        {
          method: 'GET',
          url: 'https://x.test/files/Another%20Test?q=caf%C3%A9&next=%26more',
          status: 404,
          findings: [],
        },
        // A right-to-left override decoded would reverse what follows it: it stays escaped.
        { method: 'GET', url: 'https://x.test/dl/%E2%80%AEexe.pdf', status: 403, findings: [] },
      ],
      1,
    );
    setup({ summary: encoded });
    const readable = await screen.findByText('/files/Another Test?q=café&next=%26more');
    expect(readable).toHaveAttribute('title', '/files/Another%20Test?q=caf%C3%A9&next=%26more');
    const spoof = screen.getByTitle('/dl/%E2%80%AEexe.pdf');
    expect(spoof.textContent).not.toContain('\u202e');
    expect(spoof).toHaveTextContent('/dl/%E2%80%AEexe.pdf');
  });

  it('updates live while open', async () => {
    const { source } = setup();
    await screen.findByText(/Nothing recorded/);
    act(() => source.set(1, busySummary()));
    expect(await screen.findByRole('list', { name: 'Top broken rules' })).toBeInTheDocument();
    act(() => source.set(1, null));
    expect(await screen.findByText(/Nothing recorded/)).toBeInTheDocument();
  });

  it('clears this tab', async () => {
    const { source } = setup({ summary: busySummary() });
    await screen.findByRole('list', { name: 'Top broken rules' });
    await userEvent.click(screen.getByRole('button', { name: 'Clear this tab' }));
    expect(await screen.findByText(/Nothing recorded/)).toBeInTheDocument();
    expect(await source.get(1)).toBeNull();
  });

  it('opens the options page', async () => {
    const { tabs } = setup();
    await userEvent.click(screen.getByRole('button', { name: 'Options' }));
    expect(tabs.optionsOpened).toBe(1);
  });

  it('summarises the tab named in the address instead of the active one', async () => {
    setup({ tabId: 42, activeId: 1, summary: busySummary() });
    expect(await screen.findByRole('list', { name: 'Top broken rules' })).toBeInTheDocument();
  });

  it('says so when there is no tab', async () => {
    setup({ activeId: undefined });
    expect(await screen.findByText(/no tab to summarise/)).toBeInTheDocument();
  });
});

describe('tabIdFromQuery', () => {
  it('reads a whole tab id and ignores anything else', () => {
    expect(tabIdFromQuery('?tabId=12')).toBe(12);
    expect(tabIdFromQuery('')).toBeUndefined();
    expect(tabIdFromQuery('?tabId=-1')).toBeUndefined();
    expect(tabIdFromQuery('?tabId=1e3')).toBeUndefined();
    expect(tabIdFromQuery('?tabId=abc')).toBeUndefined();
  });
});

describe('followSystemTheme', () => {
  it('sets data-theme from prefers-color-scheme and follows changes', () => {
    let listener: (() => void) | null = null;
    const media = {
      matches: true,
      addEventListener: (_: string, l: () => void) => (listener = l),
      removeEventListener: () => (listener = null),
    };
    const root = document.createElement('html');
    const stop = followSystemTheme(root, media as unknown as MediaQueryList);
    expect(root.dataset.theme).toBe('dark');
    media.matches = false;
    listener!();
    expect(root.dataset.theme).toBe('light');
    stop();
    expect(listener).toBeNull();
  });
});

describe('the popup’s top broken rules (review #2)', () => {
  /** A user profile as the review imported it: its data generates demo/body-shape, demo/media-type… */
  const DEMO: ProfileDocument = {
    id: 'demo',
    name: 'Demo API',
    summary: 'Errors are Problem Details with title and detail.',
    source: 'https://example.com/guide',
    scope: { urls: ['http://127.0.0.1:18731/api/*'] },
    mediaTypes: { error: ['application/problem+json'] },
    body: { error: { required: ['title', 'detail'] } },
    headers: { '4XX': ['X-Request-Id'] },
  };
  const summaryNaming = (...rules: string[]) =>
    addToSummary(
      emptySummary(1),
      rules.map((rule, i) => ({
        method: 'GET',
        url: `http://127.0.0.1:18731/api/users/${i}`,
        status: 404,
        findings: [{ rule, severity: 'warning' as const, message: 'broken' }],
      })),
      1,
    );
  const descriptionOf = (rule: string) =>
    (document.querySelector(`[data-rule="${rule}"] .description`) as HTMLElement | null)?.textContent;

  it('describes a user profile’s rules as the options page does, and says what an unknown id may be', async () => {
    const profiles = new MemoryProfileStore({ profiles: [DEMO] });
    setup({
      summary: summaryNaming('demo/body-shape', 'demo/media-type', 'demo/required-headers', 'legacy/gone'),
      profiles,
    });
    await screen.findByRole('list', { name: 'Top broken rules' });
    // The options page lists a user profile's rules from userProfileRules: the same words here.
    const listed = userProfileRules([DEMO]).flatMap((p) => p.rules);
    for (const id of ['demo/body-shape', 'demo/media-type', 'demo/required-headers']) {
      const rule = listed.find((r) => r.id === id)!;
      expect(rule).toBeDefined();
      await screen.findByText(rule.description);
      expect(descriptionOf(id)).toBe(rule.description);
    }
    expect(descriptionOf('demo/body-shape')).toContain('Bodies hold the members Demo API requires');
    expect(screen.queryByText('A rule this version does not know.')).toBeNull();
    // An id nothing knows (an earlier version's, a deleted profile's) says so, and no more.
    expect(descriptionOf('legacy/gone')).toBe(
      'Neither this version nor any of your profiles has this rule: it may be an earlier version’s, or a deleted profile’s.',
    );

    // The profile deleted on the options page while the popup is open: its rules are unknown now.
    await act(() => profiles.save({ profiles: [] }));
    expect(descriptionOf('demo/body-shape')).toBe(descriptionOf('legacy/gone'));
  });
});

describe('what the popup’s counts count (review #8)', () => {
  // What the panel's "API only" view hides: the page, a stylesheet; and two fetches it shows.
  const fourRequests = () =>
    addToSummary(
      emptySummary(1),
      [
        { method: 'GET', url: 'https://app.test/', status: 200, findings: [], resourceType: 'document' },
        {
          method: 'GET',
          url: 'https://app.test/site.css',
          status: 200,
          findings: [],
          resourceType: 'stylesheet',
        },
        { method: 'GET', url: 'https://app.test/api/a', status: 200, findings: [], resourceType: 'fetch' },
        { method: 'GET', url: 'https://app.test/api/b', status: 404, findings: [], resourceType: 'fetch' },
      ],
      1,
    );

  it('counts the page document and its assets with the API calls, and says so while the panel hides them', async () => {
    setup({ summary: { ...fourRequests(), apiOnlyHides: 2 } });
    const heading = await screen.findByRole('heading', { name: '4 requests' });
    const section = heading.closest('section')!;
    expect(section).toHaveTextContent(
      'Every request of this tab, the page and its assets included: the panel’s “API only” view leaves out 2 of them.',
    );
    expect(within(section).getByRole('list', { name: 'Requests by status family' })).toHaveTextContent(
      /2xx\s*3/,
    );
  });

  it('says nothing of API only when the panel shows every request (its counts are these)', async () => {
    setup({ summary: fourRequests() });
    const heading = await screen.findByRole('heading', { name: '4 requests' });
    expect(heading.closest('section')).not.toHaveTextContent('API only');
  });
});
