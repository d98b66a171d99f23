import { templateSegment } from '../endpoints/route-template';
import type { Exchange } from '../exchange/types';
import { isCorsPreflight, scriptResourceType } from '../exchange/api-call';
import { findNode, pathSegments } from './paths';
import { originOf, sameScope } from './servers';
import type {
  ContractMatch,
  PreparedContract,
  PreparedOperation,
  PreparedResponse,
  ServerScope,
} from './types';

interface Target {
  origin: string | undefined;
  /** The path's segments decoded, as the descriptions' paths are matched. */
  segments: string[];
  /** The same segments as recorded (`Another%20Test`): what an undocumented path is written with. */
  recorded: string[];
}

function target(ex: Exchange): Target | undefined {
  let url: URL;
  try {
    url = new URL(ex.url);
  } catch {
    return undefined;
  }
  const origin = originOf(url);
  if (origin === undefined) return undefined;
  // pathSegments splits before it decodes, so each decoded segment is the recorded one at its place.
  return {
    origin,
    segments: pathSegments(url.pathname),
    recorded: url.pathname.split('/').filter((seg) => seg !== ''),
  };
}

/** The request path's segments after this scope's base path, or undefined when it is outside. */
function within(scope: ServerScope, t: Target): string[] | undefined {
  if (scope.origin !== undefined && scope.origin !== t.origin) return undefined;
  const base = pathSegments(scope.basePath);
  if (base.length > t.segments.length) return undefined;
  for (let i = 0; i < base.length; i++) if (base[i] !== t.segments[i]) return undefined;
  return t.segments.slice(base.length);
}

/** The documented response for a status: exact code, then its range (`4XX`), then `default`. */
export function responseFor(op: PreparedOperation, status: number): PreparedResponse | undefined {
  const code = String(status);
  const range = `${code[0]}XX`;
  return (
    op.responses.find((r) => r.key === code) ??
    op.responses.find((r) => r.key === range) ??
    op.responses.find((r) => r.key === 'default')
  );
}

/** Whether an operation is served at a scope: its own servers when it has them, else the document's. */
function servedAt(contract: PreparedContract, op: PreparedOperation, scope: ServerScope): boolean {
  return (op.scopes ?? contract.scopes).some((s) => sameScope(s, scope));
}

/**
 * Where an exchange is judged against descriptions at all: an API call that got an answer, at an
 * http(s) URL; undefined for any other.
 */
function judgedTarget(ex: Exchange): Target | undefined {
  if (ex.failure !== undefined || ex.status === 0) return undefined;
  // A recorded resource type other than fetch/XHR is no API operation, as for the profiles' scopes
  // (exchange/api-call.ts): a page's document, scripts, styles, images, fonts, beacons, sockets.
  // Judged against a description with a relative server (`/`), every asset would be an
  // undocumented operation. Without a resource type, a request at a documented address is
  // judged whatever its media type: an HTML error page or a documented image/png is the
  // contract's business, so the rest of the API-call test (JSON or XML) is not asked.
  if (scriptResourceType(ex) === false) return undefined;
  if (isCorsPreflight(ex)) return undefined;
  return target(ex);
}

/** The scopes of a description that hold the request, each with the path after its base path. */
function candidatesIn(contract: PreparedContract, t: Target): { scope: ServerScope; rest: string[] }[] {
  const candidates: { scope: ServerScope; rest: string[] }[] = [];
  for (const scope of contract.allScopes) {
    const rest = within(scope, t);
    if (rest) candidates.push({ scope, rest });
  }
  return candidates;
}

/**
 * Which descriptions (by position) would judge this exchange, whichever one matched it: those
 * whose scope holds it, when it is an API call matchExchange judges. Undefined when none does.
 * The CLI warns of a description that held none of a file's entries (a wrong base URL or
 * `servers`), as of a profile whose scope held none.
 */
export function contractsHolding(contracts: readonly PreparedContract[], ex: Exchange): number[] | undefined {
  if (contracts.length === 0) return undefined;
  const t = judgedTarget(ex);
  if (!t) return undefined;
  let out: number[] | undefined;
  contracts.forEach((c, i) => {
    if (candidatesIn(c, t).length > 0) (out ??= []).push(i);
  });
  return out;
}

/**
 * Matches an exchange to an operation of the first description whose scope holds it: method +
 * path template after the server's base path (the longest base path first), query ignored. A
 * path item's or operation's own `servers` are honoured: such an operation matches only there.
 * Undefined when no description's scope holds it, or it is not an API call.
 */
export function matchExchange(
  contracts: readonly PreparedContract[],
  ex: Exchange,
): ContractMatch | undefined {
  if (contracts.length === 0) return undefined;
  const t = judgedTarget(ex);
  if (!t) return undefined;
  const method = ex.method.toUpperCase();
  let firstMiss: ContractMatch | undefined;
  for (const contract of contracts) {
    const candidates = candidatesIn(contract, t);
    if (candidates.length === 0) continue;
    candidates.sort((a, b) => a.rest.length - b.rest.length);
    let missNode: ReturnType<typeof findNode>;
    for (const { scope, rest } of candidates) {
      const node = findNode(contract.index, rest);
      missNode ??= node;
      const operation = node?.operations?.get(method);
      if (!operation || !servedAt(contract, operation, scope)) continue;
      const response = responseFor(operation, ex.status);
      return response
        ? { kind: 'operation', contract, operation, response }
        : { kind: 'operation', contract, operation };
    }
    const best = t.recorded.slice(t.recorded.length - candidates[0]!.rest.length);
    firstMiss ??= {
      kind: 'undocumented',
      contract,
      // Ids as `{id}`, and the rest as recorded, as the Endpoints view writes routes: calls to one
      // undocumented route are one operation to add, not one line per UUID in the coverage. Decoded,
      // `a%2Fb` read as two segments and a `%E2%80%AE` became a raw bidi override in every report;
      // the panel shows it decoded where that is safe (core/text/readable-path.ts).
      path: '/' + best.map(templateSegment).join('/'),
      methods: missNode?.operations ? [...missNode.operations.keys()] : [],
    };
  }
  return firstMiss;
}
