// In-memory fakes of every port, for tests only (ESLint forbids importing them from src/).
import { defaultSettings, type Settings } from '../../core/settings/schema';
import type { UserProfiles } from '../../core/profiles/user';
import type { TabSummary } from '../../core/summary/summary';
import type { ContractDoc } from '../../core/contract/load';
import type { PageRequest } from '../../core/resend/draft';
import type { Message } from '../../messaging/messages';
import type {
  BadgePort,
  BlobArea,
  CapturedRequest,
  ContractStore,
  UnreadableContract,
  DevtoolsSearch,
  DevtoolsSearchAction,
  DevtoolsSearchEvent,
  NetworkSource,
  PageFetchOutcome,
  PageRequester,
  PanelPresence,
  PanelWindowLink,
  PermissionsPort,
  SaveOutcome,
  SessionArea,
  ProfileStore,
  SettingsStore,
  StorageArea,
  SummarySink,
  SummarySource,
  TabsPort,
  WebRequestEvent,
  WebRequestSource,
} from '../ports';

export class MemoryNetworkSource implements NetworkSource {
  existing: CapturedRequest[] = [];
  private requestListeners = new Set<(r: CapturedRequest) => void>();
  private navigateListeners = new Set<(url: string) => void>();

  onRequestFinished(listener: (r: CapturedRequest) => void) {
    this.requestListeners.add(listener);
    return () => void this.requestListeners.delete(listener);
  }
  onNavigated(listener: (url: string) => void) {
    this.navigateListeners.add(listener);
    return () => void this.navigateListeners.delete(listener);
  }
  async getExisting() {
    return this.existing;
  }
  /** Test side: a request finishes. `body` is what getContent() will return; `fetches` counts its calls. */
  emit(
    entry: unknown,
    body: { text: string | null; encoding?: string | null } = { text: null },
    fetches: { count: number } = { count: 0 },
  ) {
    this.finish({
      entry,
      getContent: async () => {
        fetches.count++;
        return { text: body.text, encoding: body.encoding ?? null };
      },
    });
  }
  /** Test side: a request finishes with whatever body fetcher the test builds. */
  finish(request: CapturedRequest) {
    for (const l of this.requestListeners) l(request);
  }
  navigate(url: string) {
    for (const l of this.navigateListeners) l(url);
  }
  get listenerCount() {
    return this.requestListeners.size + this.navigateListeners.size;
  }
}

export class MemorySettingsStore implements SettingsStore {
  private listeners = new Set<(s: Settings) => void>();
  saved: Settings[] = [];
  /** What the next saves resolve to (a save rejects when it is an Error). */
  outcome: SaveOutcome | Error = { storedIn: 'sync' };
  private held: Promise<void> | null = null;
  constructor(public current: Settings = defaultSettings()) {}
  /**
   * Makes loads slow, as a busy chrome.storage is: each reads what is stored when called, and
   * answers only once the function returned is called.
   */
  holdLoads(): () => void {
    let release!: () => void;
    this.held = new Promise((r) => (release = r));
    return () => {
      this.held = null;
      release();
    };
  }
  async load() {
    const read = structuredClone(this.current);
    if (this.held) await this.held;
    return read;
  }
  async save(settings: Settings) {
    if (this.outcome instanceof Error) throw this.outcome;
    this.current = structuredClone(settings);
    this.saved.push(this.current);
    for (const l of this.listeners) l(structuredClone(settings));
    return this.outcome;
  }
  subscribe(listener: (s: Settings) => void) {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }
}

/** IndexedDB in memory: values copied in and out (structured clone), no events, no quota. */
export class MemoryBlobArea implements BlobArea {
  readonly items = new Map<string, unknown>();
  async get(key: string) {
    const v = this.items.get(key);
    return v === undefined ? undefined : structuredClone(v);
  }
  async put(key: string, value: unknown) {
    this.items.set(key, structuredClone(value));
  }
  async delete(key: string) {
    this.items.delete(key);
  }
  async keys(prefix: string) {
    // In key order, as IndexedDB lists them (its string keys compare by UTF-16 code units, as here).
    return [...this.items.keys()].filter((k) => k.startsWith(prefix)).sort();
  }
}

export class MemoryContractStore implements ContractStore {
  private listeners = new Set<(docs: ContractDoc[], unreadable: UnreadableContract[]) => void>();
  /** Stored descriptions this version cannot read, as contractStoreOver would list them. */
  unreadable: UnreadableContract[] = [];
  constructor(public docs: ContractDoc[] = []) {}
  async list() {
    return structuredClone(this.docs);
  }
  async read() {
    return { docs: structuredClone(this.docs), unreadable: structuredClone(this.unreadable) };
  }
  async put(doc: ContractDoc) {
    this.docs = [...this.docs.filter((d) => d.name !== doc.name), structuredClone(doc)];
    this.emit();
  }
  async remove(name: string) {
    this.docs = this.docs.filter((d) => d.name !== name);
    this.emit();
  }
  async setOff(name: string, off: boolean) {
    this.docs = this.docs.map((d) => {
      if (d.name !== name) return d;
      const { off: _was, ...rest } = d;
      return off ? { ...rest, off: true } : rest;
    });
    this.emit();
  }
  async deleteUnreadable(item: UnreadableContract) {
    const same = JSON.stringify(item.raw);
    this.unreadable = this.unreadable.filter((u) => JSON.stringify(u.raw) !== same);
    this.emit();
  }
  subscribe(listener: (docs: ContractDoc[], unreadable: UnreadableContract[]) => void) {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }
  private emit() {
    for (const l of this.listeners) l(structuredClone(this.docs), structuredClone(this.unreadable));
  }
}

/**
 * A chrome.storage area in memory, with Chrome's quotas and messages: an item over
 * `quotaBytesPerItem` (key + JSON of the value, in bytes) or a total over `quotaBytes` is
 * refused as Chrome refuses it, and nothing of that call is stored. Values are copied
 * through JSON, and changes are told to every listener (any context) after the call.
 */
export class MemoryStorageArea implements StorageArea {
  readonly items = new Map<string, unknown>();
  private listeners = new Set<(changes: Record<string, { newValue?: unknown }>) => void>();
  /** Set to make the next set() fail with this message (e.g. a write-rate limit). */
  failNextSet: string | undefined;
  writes = 0;

  constructor(
    readonly quotaBytesPerItem = Infinity,
    readonly quotaBytes = Infinity,
  ) {}

  /** chrome.storage.sync's quotas: 8 KB per item, 100 KB in all. */
  static sync(): MemoryStorageArea {
    return new MemoryStorageArea(8192, 102400);
  }

  /** chrome.storage.local without unlimitedStorage: 10 MB. */
  static local(): MemoryStorageArea {
    return new MemoryStorageArea(Infinity, 10 * 1024 * 1024);
  }

  private static bytes(key: string, value: unknown): number {
    return new TextEncoder().encode(key + JSON.stringify(value)).length;
  }

  async get(key: string) {
    const v = this.items.get(key);
    return v === undefined ? undefined : (JSON.parse(JSON.stringify(v)) as unknown);
  }

  async set(items: Record<string, unknown>) {
    if (this.failNextSet !== undefined) {
      const message = this.failNextSet;
      this.failNextSet = undefined;
      throw new Error(message);
    }
    let total = 0;
    for (const [k, v] of this.items) if (!(k in items)) total += MemoryStorageArea.bytes(k, v);
    for (const [k, v] of Object.entries(items)) {
      const n = MemoryStorageArea.bytes(k, v);
      if (n > this.quotaBytesPerItem) throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
      total += n;
    }
    if (total > this.quotaBytes) throw new Error('QUOTA_BYTES quota exceeded');
    const changes: Record<string, { newValue?: unknown }> = {};
    for (const [k, v] of Object.entries(items)) {
      this.items.set(k, JSON.parse(JSON.stringify(v)));
      changes[k] = { newValue: JSON.parse(JSON.stringify(v)) };
    }
    this.writes++;
    this.tell(changes);
  }

  async remove(key: string) {
    if (!this.items.has(key)) return;
    this.items.delete(key);
    this.tell({ [key]: {} });
  }

  onChanged(listener: (changes: Record<string, { newValue?: unknown }>) => void) {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  private tell(changes: Record<string, { newValue?: unknown }>) {
    // Chrome tells listeners after the call resolves, as a separate event.
    setTimeout(() => {
      for (const l of this.listeners) l(changes);
    }, 0);
  }
}

export class MemoryProfileStore implements ProfileStore {
  private listeners = new Set<(p: UserProfiles) => void>();
  saved: UserProfiles[] = [];
  constructor(public current: UserProfiles = { profiles: [] }) {}
  async load() {
    return structuredClone(this.current);
  }
  async save(profiles: UserProfiles) {
    this.current = structuredClone(profiles);
    this.saved.push(this.current);
    for (const l of this.listeners) l(structuredClone(profiles));
  }
  subscribe(listener: (p: UserProfiles) => void) {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }
}

export class MemorySummarySink implements SummarySink {
  replaced: { tabId: number; summary: TabSummary }[] = [];
  cleared: number[] = [];
  replace(tabId: number, summary: TabSummary) {
    this.replaced.push({ tabId, summary: structuredClone(summary) });
  }
  clear(tabId: number) {
    this.cleared.push(tabId);
  }
}

export class MemorySummarySource implements SummarySource {
  private summaries = new Map<number, TabSummary>();
  private listeners = new Set<{ tabId: number; fn: (s: TabSummary | null) => void }>();
  async get(tabId: number) {
    return this.summaries.get(tabId) ?? null;
  }
  subscribe(tabId: number, fn: (s: TabSummary | null) => void) {
    const l = { tabId, fn };
    this.listeners.add(l);
    return () => void this.listeners.delete(l);
  }
  async clear(tabId: number) {
    this.set(tabId, null);
  }
  /** Test side: the background stored a new summary. */
  set(tabId: number, summary: TabSummary | null) {
    if (summary) this.summaries.set(tabId, summary);
    else this.summaries.delete(tabId);
    for (const l of this.listeners) if (l.tabId === tabId) l.fn(summary);
  }
}

export class MemoryTabs implements TabsPort {
  optionsOpened = 0;
  constructor(public activeId: number | undefined = 1) {}
  async activeTabId() {
    return this.activeId;
  }
  openOptions() {
    this.optionsOpened++;
  }
}

export class MemoryPermissions implements PermissionsPort {
  constructor(
    public granted = false,
    public userAccepts = true,
  ) {}
  requests = 0;
  removals = 0;
  private listeners = new Set<(granted: boolean) => void>();
  async requestMonitoring() {
    this.requests++;
    if (this.userAccepts && !this.granted) this.setGranted(true);
    return this.granted;
  }
  async removeMonitoring() {
    this.removals++;
    if (this.granted) this.setGranted(false);
  }
  async hasMonitoring() {
    return this.granted;
  }
  onChanged(listener: (granted: boolean) => void) {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }
  /** Test side: the grant changes (from this page, another one, or chrome://extensions). */
  setGranted(granted: boolean) {
    this.granted = granted;
    for (const l of this.listeners) l(granted);
  }
}

export class MemoryWebRequestSource implements WebRequestSource {
  private listeners = new Set<(e: WebRequestEvent) => void>();
  constructor(public isAvailable = true) {}
  available() {
    return this.isAvailable;
  }
  subscribe(listener: (e: WebRequestEvent) => void) {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }
  /** Test side: Chrome reports a request event. */
  emit(event: WebRequestEvent) {
    for (const l of this.listeners) l(event);
  }
  get listenerCount() {
    return this.listeners.size;
  }
}

export class MemorySessionArea implements SessionArea {
  data = new Map<string, unknown>();
  async get<T>(key: string) {
    return structuredClone(this.data.get(key)) as T | undefined;
  }
  async set(key: string, value: unknown) {
    this.data.set(key, structuredClone(value));
  }
  async remove(key: string) {
    this.data.delete(key);
  }
}

export class MemoryBadge implements BadgePort {
  badges = new Map<number, { text: string; color: string; textColor: string }>();
  show(tabId: number, text: string, color: string, textColor: string) {
    this.badges.set(tabId, { text, color, textColor });
  }
  clear(tabId: number) {
    this.badges.delete(tabId);
  }
}

export class MemoryPanelPresence implements PanelPresence {
  private attached = new Map<number, () => void>();
  attach(tabId: number, onClearRequested: () => void) {
    this.attached.set(tabId, onClearRequested);
    return () => void this.attached.delete(tabId);
  }
  isAttached(tabId: number) {
    return this.attached.has(tabId);
  }
  /** Test side: the user cleared the tab from the popup. */
  requestClear(tabId: number) {
    this.attached.get(tabId)?.();
  }
}

/**
 * The inspected page's fetch, faked (issue #19 resend). `respond` decides each outcome (default:
 * 200); tests that want the capture to arrive too emit it on a MemoryNetworkSource from there.
 */
export class MemoryPageRequester implements PageRequester {
  readonly sent: PageRequest[] = [];
  constructor(
    public respond: (request: PageRequest) => PageFetchOutcome | Promise<PageFetchOutcome> = (r) => ({
      kind: 'response',
      status: 200,
      statusText: 'OK',
      url: r.url,
      redirected: false,
      startedAt: Date.now(),
      elapsedMs: 1,
    }),
  ) {}
  async send(request: PageRequest) {
    this.sent.push(structuredClone(request));
    return this.respond(request);
  }
}

/** DevTools' search bar, driven by a test: `emit` is the user typing, pressing Enter, Escape… */
export class MemoryDevtoolsSearch implements DevtoolsSearch {
  private listeners = new Set<(e: DevtoolsSearchEvent) => void>();
  onSearch(listener: (e: DevtoolsSearchEvent) => void) {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }
  emit(action: DevtoolsSearchAction, query = '') {
    for (const l of this.listeners) l({ action, query });
  }
  get listenerCount() {
    return this.listeners.size;
  }
}

/** The panel's window as the devtools page sees it: what was posted to it. */
export class MemoryPanelWindowLink implements PanelWindowLink {
  posted: Message[] = [];
  post(message: Message) {
    this.posted.push(structuredClone(message));
  }
}
