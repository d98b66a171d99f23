import { isJsonMediaType } from '../exchange/media';
import type { MatchSummary } from '../contract/coverage';
import type { Exchange } from '../exchange/types';
import type { Finding, Severity } from '../rules/types';
import { compare } from './compare';
import { exchangeFacts, readableFact, type ExchangeFacts } from './exchange-facts';
import { globMatch } from './glob';
import type { PropKey } from './keys';
import type { ParsedQuery, Term } from './parse-query';
import { matchStatus } from './status-term';

export interface FilterSubject {
  exchange: Exchange;
  findings: readonly Finding[];
  /** Read from a HAR file rather than captured live (`is:imported`, `is:live`). */
  imported?: boolean;
  /** Precomputed facts (the panel computes them once per row); derived on the fly when absent. */
  facts?: ExchangeFacts;
  /** What the loaded OpenAPI descriptions matched (`operation:`). */
  contract?: MatchSummary | undefined;
}

/** What matching needs besides the row: the worker's answer to the search terms. */
export interface MatchContext {
  /**
   * Ids of the rows that pass every `body:` and `/regex/` term (negations included), as the
   * analysis worker found them so far. When absent, a regex is tested here and a `body:` term
   * matches nothing (no bodies on this side): the CLI and tests have no worker.
   */
  searched?: ReadonlySet<string>;
}

function matchIs(value: string, s: FilterSubject): boolean {
  switch (value) {
    case 'imported':
      return s.imported === true;
    case 'live':
      return s.imported !== true;
    case 'from-cache':
      return s.exchange.fromCache !== undefined;
  }
  return false;
}

/** A host without its port (`domain:` matches either). */
function hostname(host: string): string {
  return host.replace(/:\d+$/, '');
}

function matchProp(key: PropKey, value: string, s: FilterSubject, facts: ExchangeFacts): boolean {
  const v = value.toLowerCase();
  const ex = s.exchange;
  switch (key) {
    case 'status':
      return matchStatus(v, ex.status);
    case 'family':
      return facts.family === v;
    case 'method':
      return ex.method.toLowerCase() === v;
    case 'rule':
      return s.findings.some(
        (f) => f.rule.toLowerCase() === v || f.rule.toLowerCase().startsWith(v.endsWith('/') ? v : v + '/'),
      );
    case 'severity':
      return s.findings.some((f) => f.severity === (v as Severity));
    case 'has':
      if (v === 'findings') return s.findings.length > 0;
      if (v === 'body') return ex.body.kind === 'text' || ex.body.kind === 'binary';
      if (v === 'failure') return ex.status === 0;
      return false;
    case 'host':
      return facts.host.includes(v);
    case 'mime':
      if (v === 'json') return isJsonMediaType(facts.mediaType);
      return facts.mediaType.includes(v);
    case 'route':
      // The Endpoints view's grouping (`/users/{id}`), matched whole: it names one endpoint, as
      // recorded (`/a%20b`, what a click on an endpoint adds) or as the view shows it (`/a b`).
      return facts.route === v || (facts.route.includes('%') && readableFact(facts, 'route') === v);
    case 'domain':
      // Chrome's: the host, `*` standing for any run of characters; with or without the port.
      return globMatch(v, facts.host) || globMatch(v, hostname(facts.host));
    case 'profile':
      return s.findings.some((f) => f.profile?.toLowerCase() === v);
    case 'header':
      return facts.headerNames.has(v);
    case 'is':
      return matchIs(v, s);
    case 'operation': {
      // As the coverage view lists the call: a documented operation by its path template, an
      // undocumented one by its path (each coverage row's click adds `method:` beside it).
      const c = s.contract;
      if (c === undefined) return false;
      return (c.kind === 'operation' ? c.pathTemplate : c.path).toLowerCase() === v;
    }
    case 'time':
    case 'size':
    case 'body':
      // Parsed into their own term kinds; a prop term never carries them.
      return false;
  }
}

function subjectNumber(key: 'status' | 'time' | 'size', ex: Exchange): number | undefined {
  if (key === 'status') return ex.status === 0 ? undefined : ex.status;
  const n = key === 'time' ? ex.time : ex.size;
  // -1: the recorder did not know; an unknown never satisfies a comparison (nor its negation).
  return n < 0 ? undefined : n;
}

function matchTerm(term: Term, s: FilterSubject, facts: ExchangeFacts): boolean {
  switch (term.kind) {
    case 'compare': {
      const n = subjectNumber(term.key, s.exchange);
      // Unknown: fails the term either way, so `-time:>1s` does not list rows without a time.
      if (n === undefined) return term.negate;
      return compare(n, term.cmp);
    }
    case 'body':
      // The worker's answer covers body terms (see matchesQuery); without it, nothing matches.
      return false;
    case 'text':
      // In the URL as recorded (`another%20test`) or as read (`"another test"`).
      return (
        facts.urlLower.includes(term.value) ||
        (facts.urlLower.includes('%') && readableFact(facts, 'url').includes(term.value))
      );
    case 'regex':
      return term.value.test(s.exchange.url);
    case 'prop':
      return matchProp(term.key, term.value, s, facts);
  }
}

/** All terms must hold (AND); a negated term must not. */
export function matchesQuery(q: ParsedQuery, s: FilterSubject, ctx: MatchContext = {}): boolean {
  if (q.terms.length === 0) return true;
  // The worker answered the body and regex terms together: one lookup stands for all of them.
  const answered = q.search.length > 0 && ctx.searched !== undefined;
  if (answered && !ctx.searched!.has(s.exchange.id)) return false;
  const facts = s.facts ?? exchangeFacts(s.exchange);
  for (const term of q.terms) {
    if (answered && (term.kind === 'body' || term.kind === 'regex')) continue;
    if (matchTerm(term, s, facts) === term.negate) return false;
  }
  return true;
}
