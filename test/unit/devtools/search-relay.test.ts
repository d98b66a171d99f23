// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { MemoryDevtoolsSearch, MemoryPanelWindowLink } from '../../../src/adapters/memory';
import { panelSearchInbox } from '../../../src/adapters/chrome/devtools-search';
import type { DevtoolsSearchEvent } from '../../../src/adapters/ports';
import { isMessage } from '../../../src/messaging/messages';
import { relaySearch } from '../../../src/surfaces/devtools/search-relay';

describe('the devtools page relays DevTools’ search bar to the panel (#16)', () => {
  it('posts each search action to the panel window as a panel/search message', () => {
    const search = new MemoryDevtoolsSearch();
    const panel = new MemoryPanelWindowLink();
    const stop = relaySearch(search, panel);
    search.emit('performSearch', 'status:404');
    search.emit('nextSearchResult');
    search.emit('cancelSearch');
    expect(panel.posted).toEqual([
      { type: 'panel/search', action: 'performSearch', query: 'status:404' },
      { type: 'panel/search', action: 'nextSearchResult', query: '' },
      { type: 'panel/search', action: 'cancelSearch', query: '' },
    ]);
    expect(panel.posted.every(isMessage)).toBe(true);
    stop();
    search.emit('performSearch', 'late');
    expect(panel.posted).toHaveLength(3);
  });
});

describe('the panel’s inbox', () => {
  const seen: DevtoolsSearchEvent[] = [];
  let stop = () => {};
  afterEach(() => {
    stop();
    seen.length = 0;
  });
  const post = (data: unknown, origin = location.origin) =>
    window.dispatchEvent(new MessageEvent('message', { data, origin }));

  it('accepts guarded panel/search messages from its own origin only', () => {
    stop = panelSearchInbox(window).onSearch((e) => seen.push(e));
    post({ type: 'panel/search', action: 'performSearch', query: 'orders' });
    post({ type: 'panel/search', action: 'performSearch', query: 'evil' }, 'https://evil.example');
    post({ type: 'panel/search', action: 'dropTables', query: '' });
    post({ type: 'panel/search', action: 'performSearch', query: 42 });
    post({ type: 'panel/clear', tabId: 1 });
    post('performSearch');
    post({ type: 'panel/search', action: 'previousSearchResult', query: '' });
    expect(seen).toEqual([
      { action: 'performSearch', query: 'orders' },
      { action: 'previousSearchResult', query: '' },
    ]);
  });

  it('stops listening when unsubscribed', () => {
    stop = panelSearchInbox(window).onSearch((e) => seen.push(e));
    stop();
    post({ type: 'panel/search', action: 'cancelSearch', query: '' });
    expect(seen).toEqual([]);
  });
});
