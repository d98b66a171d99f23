import { settingsRedactor } from '../../core/export/redact';
import { KnownValues } from '../../core/export/known-values';
import { reportedAcross, reportedExchange, reportedValues } from '../../core/export/reported';
import type { WebRequestEvent, WebRequestHeader } from '../../adapters/ports';
import { activeRules, analyzeExchange, compareFindings, type ActiveRule } from '../../core/engine/analyze';
import { headerValue } from '../../core/exchange/headers';
import type { Exchange } from '../../core/exchange/types';
import { activeSessionRules } from '../../core/session/active';
import { SessionAnalyser } from '../../core/session/analyser';
import type { Settings } from '../../core/settings/schema';
import type { SummaryInput } from '../../core/summary/summary';
import type { SummaryService } from './summary-service';

type Finished = Extract<WebRequestEvent, { kind: 'completed' | 'failed' }>;

/** webRequest's resource types under the names DevTools (and so HAR `_resourceType`) uses. */
const RESOURCE_TYPES: Record<string, string> = {
  main_frame: 'document',
  sub_frame: 'document',
  // webRequest does not tell fetch() from XMLHttpRequest; both are API calls to the rules.
  xmlhttprequest: 'xhr',
  stylesheet: 'stylesheet',
  script: 'script',
  image: 'image',
  font: 'font',
  media: 'media',
  websocket: 'websocket',
  ping: 'ping',
  csp_report: 'csp-violation-report',
};

const STATUS_LINE = /^(HTTP\/[0-9.]+)\s+\d{3}(?:\s+(.*))?$/;

export interface SentInfo {
  requestHeaders: WebRequestHeader[];
  timeStamp: number;
}

/**
 * An exchange from what webRequest reports: status, headers and timing, never a body. The body is
 * `unknown`, so only header-only rules have anything to say about it.
 */
export function exchangeFromWebRequest(event: Finished, sent?: SentInfo): Exchange {
  const completed = event.kind === 'completed';
  const responseHeaders = completed
    ? event.responseHeaders.map((h) => ({ name: h.name, value: h.value }))
    : [];
  const line = completed ? STATUS_LINE.exec(event.statusLine.slice(0, 200)) : null;
  const length = Number(headerValue(responseHeaders, 'content-length') ?? '');
  const exchange: Exchange = {
    id: `wr-${event.requestId}`,
    method: event.method.toUpperCase(),
    url: event.url,
    requestHeaders: (sent?.requestHeaders ?? []).map((h) => ({ name: h.name, value: h.value })),
    status: completed ? event.statusCode : 0,
    statusText: line?.[2]?.trim() ?? '',
    responseHeaders,
    httpVersion: line?.[1] ?? '',
    startedAt: new Date(sent?.timeStamp ?? event.timeStamp).toISOString(),
    time: sent ? Math.max(0, event.timeStamp - sent.timeStamp) : -1,
    resourceType: RESOURCE_TYPES[event.type] ?? 'other',
    mimeType: headerValue(responseHeaders, 'content-type') ?? '',
    size:
      Number.isInteger(length) && length >= 0 && headerValue(responseHeaders, 'content-length') !== undefined
        ? length
        : -1,
    body: { kind: 'unknown', reason: 'not-captured' },
  };
  if (!completed) exchange.failure = event.error;
  if (event.ip !== undefined) exchange.serverAddress = event.ip;
  return exchange;
}

export interface MonitorDeps {
  summaries: Pick<SummaryService, 'add' | 'reset'>;
  settings: () => Promise<Settings>;
}

/** Requests whose headers went out but that have not finished; bounded, since some never finish. */
const MAX_IN_FLIGHT = 2000;
/** Tabs whose session the monitor follows; bounded, since it hears of no tab closing. */
const MAX_SESSIONS = 100;

/**
 * Monitoring without DevTools: every tab's traffic, counted and run through the header-only
 * rules, added to the same per-tab summaries the panel writes.
 */
export function createMonitor(deps: MonitorDeps) {
  const inFlight = new Map<string, SentInfo>();
  let rulesFor: Settings | null = null;
  let rules: ActiveRule[] = [];
  let chain: Promise<void> = Promise.resolve();

  /**
   * Each tab's session for the header-only session rules (security/server-version-disclosure:
   * once per origin and value; security/cors-credentials-wildcard's Origin-less info: once per
   * origin), as the panel keeps one for its tab's rows. Begun again when the
   * tab's summary is (a top-level navigation), or when the settings change.
   */
  let sessionRules: ReturnType<typeof activeSessionRules> = [];
  const sessions = new Map<number, SessionAnalyser>();
  /**
   * Per tab, the credential values its requests carried by name (reportedValues): a later
   * request's stored path may repeat one (a cart fetched at the Location a 201 answered, holding
   * the session id only that 201's cookie carried). Bounded as known-values.ts bounds them.
   */
  const known = new Map<number, KnownValues>();
  /** The user's redaction lists, normalised once per settings (as the rules are), not per response. */
  let red = settingsRedactor({});

  function headerOnlyRules(settings: Settings): ActiveRule[] {
    if (settings !== rulesFor) {
      rulesFor = settings;
      rules = activeRules(settings).filter((a) => a.rule.headerOnly === true);
      sessionRules = activeSessionRules(settings).filter((a) => a.rule.headerOnly === true);
      red = settingsRedactor(settings);
      sessions.clear();
      known.clear();
    }
    return rules;
  }

  function knownOf(tabId: number): KnownValues {
    let values = known.get(tabId);
    if (!values) {
      if (known.size >= MAX_SESSIONS) known.delete(known.keys().next().value!);
      known.set(tabId, (values = new KnownValues()));
    }
    return values;
  }

  function sessionOf(tabId: number): SessionAnalyser {
    let session = sessions.get(tabId);
    if (!session) {
      if (sessions.size >= MAX_SESSIONS) sessions.delete(sessions.keys().next().value!);
      sessions.set(tabId, (session = new SessionAnalyser(sessionRules)));
    }
    return session;
  }

  async function process(event: WebRequestEvent) {
    if (event.tabId < 0) return;
    if (event.kind === 'sent') {
      if (inFlight.size >= MAX_IN_FLIGHT) inFlight.delete(inFlight.keys().next().value!);
      inFlight.set(event.requestId, { requestHeaders: event.requestHeaders, timeStamp: event.timeStamp });
    }
    const settings = await deps.settings();
    if (!settings.capture.monitoring) {
      inFlight.clear();
      return;
    }
    if (event.kind === 'sent') {
      // A new top-level document: the tab's old numbers describe a page that is gone.
      if (event.type === 'main_frame' && !settings.capture.preserveLog) {
        sessions.delete(event.tabId);
        known.delete(event.tabId);
        await deps.summaries.reset(event.tabId);
      }
      return;
    }
    const sent = inFlight.get(event.requestId);
    inFlight.delete(event.requestId);
    const exchange = exchangeFromWebRequest(event, sent);
    let { findings } = analyzeExchange(exchange, headerOnlyRules(settings));
    if (sessionRules.length > 0) {
      const found = sessionOf(event.tabId).push(exchange).findings;
      // Worst first, as the engine lists them (the summary's row shows the first).
      if (found.length > 0) findings = [...findings, ...found].sort(compareFindings);
    }
    // Stored: the named credentials of this exchange, and of the tab's earlier ones, are hidden
    // where its path or findings repeat them too, by the user's lists as exports hide them.
    const values = reportedValues(exchange, red);
    const tab = knownOf(event.tabId);
    tab.add(values);
    const quoted = reportedAcross(reportedExchange(exchange, findings, red, values), tab.values);
    const input: SummaryInput = {
      method: exchange.method,
      url: quoted.url,
      status: exchange.status,
      findings: quoted.findings,
    };
    if (exchange.failure !== undefined) input.failure = exchange.failure;
    if (exchange.resourceType !== undefined) input.resourceType = exchange.resourceType;
    deps.summaries.add(event.tabId, [input]);
  }

  /** Events are handled strictly in arrival order, so a navigation's reset never overtakes a request. */
  function handle(event: WebRequestEvent): Promise<void> {
    chain = chain.then(() => process(event)).catch(() => undefined);
    return chain;
  }

  return { handle };
}

export type Monitor = ReturnType<typeof createMonitor>;
