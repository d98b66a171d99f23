// In-memory fakes of every port, for tests only (ESLint forbids importing them from src/).
import { defaultSettings, type Settings } from '../../core/settings/schema';
import type { TabSummary } from '../../core/summary/summary';
import type { ContractDoc } from '../../core/contract/load';
import type {
  BadgePort,
  CapturedRequest,
  ContractStore,
  NetworkSource,
  PanelPresence,
  PermissionsPort,
  SessionArea,
  SettingsStore,
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
  constructor(public current: Settings = defaultSettings()) {}
  async load() {
    return structuredClone(this.current);
  }
  async save(settings: Settings) {
    this.current = structuredClone(settings);
    this.saved.push(this.current);
    for (const l of this.listeners) l(structuredClone(settings));
  }
  subscribe(listener: (s: Settings) => void) {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }
}

export class MemoryContractStore implements ContractStore {
  private listeners = new Set<(docs: ContractDoc[]) => void>();
  constructor(public docs: ContractDoc[] = []) {}
  async list() {
    return structuredClone(this.docs);
  }
  async put(doc: ContractDoc) {
    this.docs = [...this.docs.filter((d) => d.name !== doc.name), structuredClone(doc)];
    this.emit();
  }
  async remove(name: string) {
    this.docs = this.docs.filter((d) => d.name !== name);
    this.emit();
  }
  subscribe(listener: (docs: ContractDoc[]) => void) {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }
  private emit() {
    for (const l of this.listeners) l(structuredClone(this.docs));
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
  badges = new Map<number, { text: string; color: string }>();
  show(tabId: number, text: string, color: string) {
    this.badges.set(tabId, { text, color });
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
