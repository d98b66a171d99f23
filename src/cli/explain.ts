import { allEntries, explain } from '../core/catalogue/index';
import { RETRY_LABEL } from '../core/catalogue/retry-labels';
import { readRecordedStatus } from '../core/exchange/family';
import { ENTRY_HEADINGS as H, entryView } from '../core/catalogue/entry-view';
import type { CatalogueEntry } from '../core/catalogue/types';
import {
  allOAuthErrors,
  oauthCodesForStatus,
  oauthErrorsNamed,
  oauthErrorTitle,
  oauthPlacesBorrowing,
  OAUTH_CONTEXT_PLACE,
  type OAuthErrorEntry,
} from '../core/catalogue/oauth/index';
import { listOf } from '../core/text/list';
import { editDistance } from '../core/text/edit-distance';
import { choice, hasFlag, parseArgs, type OptionSpec } from './args';
import { EXIT_OK, InputError, UsageError, type CliIo } from './io';
import { paint, safeText, useColour, type Paint } from './terminal';

export const EXPLAIN_OPTIONS: readonly OptionSpec[] = [
  { name: 'format', short: 'f', value: true },
  { name: 'list' },
  { name: 'oauth' },
  { name: 'help', short: 'h' },
];

/** The documented JSON shape, field by field, so nothing else leaks into it. */
export function entryJson(e: CatalogueEntry) {
  return {
    code: e.code,
    reason: e.reason,
    formerNames: e.formerNames,
    family: e.family,
    registry: e.registry,
    origin: e.origin,
    summary: e.summary,
    meaning: e.meaning,
    causes: e.causes,
    action: e.action,
    retry: { advice: e.retry.advice, note: e.retry.note },
    headers: e.headers,
    specUrl: e.specUrl,
    profiles: e.profiles,
  };
}

/** The entry model (core/catalogue/entry-view, as the panel shows it) as terminal text. */
function entryText(e: CatalogueEntry, p: Paint): string {
  const v = entryView(e);
  const lines: string[] = [];
  lines.push(`${p.bold(safeText(v.title))}  ${p.dim(`${v.family} · ${safeText(v.standing)}`)}`);
  if (v.formerly) lines.push(p.dim(safeText(v.formerly)));
  lines.push('', safeText(v.summary), '', safeText(v.meaning));
  if (v.causes.length > 0) {
    lines.push('', p.bold(H.causes));
    for (const c of v.causes) lines.push(`  • ${safeText(c)}`);
  }
  lines.push('', `${p.bold(`${H.action}:`)} ${safeText(v.action)}`);
  lines.push(
    `${p.bold(`${H.retry}:`)} ${RETRY_LABEL[v.retry.advice] ?? v.retry.advice}${v.retry.note ? ` — ${safeText(v.retry.note)}` : ''}`,
  );
  if (v.headers.length > 0) lines.push(`${p.bold(`${H.headers}:`)} ${v.headers.map(safeText).join(', ')}`);
  if (v.profileNotes.length > 0) {
    lines.push('', p.bold(H.profiles));
    for (const n of v.profileNotes) lines.push(`  ${n.name}: ${safeText(n.note)}`);
  }
  lines.push(
    '',
    `${p.bold(`${H.definedBy}:`)} ${safeText(v.definedBy.label)}${v.definedBy.url ? ` — ${safeText(v.definedBy.url)}` : ''}`,
  );
  const oauth = typeof e.code === 'number' ? oauthCodesForStatus(e.code) : [];
  if (oauth.length > 0) {
    lines.push(
      '',
      `${p.bold('OAuth 2.0 error codes sent with it:')} ${oauth.join(', ')} (status-lens explain CODE)`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** The documented JSON shape of an OAuth error entry, field by field. */
export function oauthEntryJson(e: OAuthErrorEntry) {
  return {
    code: e.code,
    context: e.context,
    summary: e.summary,
    meaning: e.meaning,
    causes: e.causes,
    action: e.action,
    statuses: e.statuses,
    origin: e.origin,
    specUrl: e.specUrl,
  };
}

/** Every context a code is defined in, one after the other, headed as the panel heads it. */
function oauthText(entries: readonly OAuthErrorEntry[], p: Paint): string {
  const blocks = entries.map((e) => {
    const lines = [
      `${p.bold(oauthErrorTitle(e))}  ${p.dim('OAuth 2.0 error code')}`,
      '',
      e.summary,
      '',
      e.meaning,
      '',
      p.bold(H.causes),
      ...e.causes.map((c) => `  • ${c}`),
      '',
      `${p.bold(`${H.action}:`)} ${e.action}`,
    ];
    if (e.statuses.length > 0) lines.push(`${p.bold('Sent with:')} ${listOf(e.statuses.map(String), 'or')}`);
    const also = oauthPlacesBorrowing(e).map((c) => OAUTH_CONTEXT_PLACE[c]);
    if (also.length > 0) lines.push(`${p.bold('Also sent, meaning the same:')} ${listOf(also)}`);
    lines.push('', `${p.bold(`${H.definedBy}:`)} ${e.origin} — ${e.specUrl}`);
    return lines.join('\n');
  });
  return `${blocks.join('\n\n')}\n`;
}

/**
 * Status codes line up in a narrow column; network errors, whose names are long, follow on their
 * own, then the OAuth error codes, once for each place they are sent (headed as `explain CODE`
 * heads them) and marked as OAuth, since `invalid_request` alone says nothing of where it is from.
 */
function listText(entries: readonly CatalogueEntry[], oauth: readonly OAuthErrorEntry[]): string {
  const line = (e: CatalogueEntry) =>
    typeof e.code === 'number'
      ? `${String(e.code).padEnd(4)} ${safeText(e.reason)} — ${safeText(e.summary)}`
      : `${safeText(e.code)}\n     ${safeText(e.summary)}`;
  const oauthLine = (e: OAuthErrorEntry) => `${oauthErrorTitle(e)} (OAuth 2.0)\n     ${e.summary}`;
  return `${[...entries.map(line), ...oauth.map(oauthLine)].join('\n')}\n`;
}

/**
 * `--list --format json` is an array of status entries, a shape scripts rely on, so the OAuth
 * codes are in its JSON only with `--oauth`; a mistyped one is answered here too: the code it is close to, or,
 * for what reads as an OAuth code (a word with an underscore), every code the catalogue knows.
 */
function oauthHint(arg: string): string {
  const codes = [...new Set(allOAuthErrors().map((e) => e.code))];
  const near = codes.filter((c) => editDistance(c, arg) <= 2);
  if (near.length > 0) return ` (did you mean ${listOf(near, 'or')}?)`;
  return /^[a-z]+(_[a-z]+)+$/.test(arg) ? ` (the OAuth error codes explained are ${listOf(codes)})` : '';
}

export function runExplain(argv: readonly string[], io: CliIo): number {
  const args = parseArgs(argv, EXPLAIN_OPTIONS, 'explain');
  const format = choice(args, 'format', ['text', 'json'] as const, 'text', 'explain');
  const p = paint(format === 'text' && useColour(io, true));
  const oauthOnly = hasFlag(args, 'oauth');
  if (oauthOnly && !hasFlag(args, 'list')) throw new UsageError('--oauth goes with --list', 'explain');
  if (hasFlag(args, 'list')) {
    if (args.positionals.length > 0) throw new UsageError('--list takes no code', 'explain');
    // --oauth lists the OAuth codes alone: its JSON is a new array beside the status entries'
    // (whose shape scripts rely on), of the objects `explain CODE --format json` prints.
    const entries = oauthOnly ? [] : allEntries();
    const oauth = allOAuthErrors();
    io.stdout.write(
      format === 'text'
        ? listText(entries, oauth)
        : `${JSON.stringify(oauthOnly ? oauth.map(oauthEntryJson) : entries.map(entryJson), null, 2)}\n`,
    );
    return EXIT_OK;
  }
  if (args.positionals.length !== 1) {
    throw new UsageError(
      args.positionals.length === 0
        ? 'give a status code (404), a network error (net::ERR_CONNECTION_REFUSED) or an OAuth error code (invalid_grant)'
        : 'give one code at a time',
      'explain',
    );
  }
  const arg = args.positionals[0]!;
  // Three digits (100–999) are always explained: an entry, the class of an unassigned code,
  // or why 600–999 are not HTTP; 0 is a request that got no response. Other numbers are
  // not status codes at all, except Playwright's -1 for a failed request, read as 0 (as lint does).
  if (/^-?\d+$/.test(arg.trim())) {
    const code = readRecordedStatus(Number(arg.trim()));
    if (code !== 0 && (code < 100 || code > 999)) {
      throw new InputError(
        `${JSON.stringify(arg)} is not an HTTP status code: status codes have three digits (100–599 are defined, 600–999 are seen from misbehaving servers), and 0 (or Playwright's -1) stands for a request that got no response`,
      );
    }
  }
  const entry = explain(arg.trim());
  if (!entry) {
    // OAuth codes are lower case (RFC 6749 writes them so); INVALID_GRANT is read as invalid_grant.
    const oauth = oauthErrorsNamed(arg.trim().toLowerCase());
    if (oauth.length > 0) {
      io.stdout.write(
        format === 'json' ? `${JSON.stringify(oauth.map(oauthEntryJson), null, 2)}\n` : oauthText(oauth, p),
      );
      return EXIT_OK;
    }
    throw new InputError(
      `no catalogue entry for ${JSON.stringify(arg)}${oauthHint(arg.trim().toLowerCase())}: expected a status code such as 404, a network error such as net::ERR_CONNECTION_REFUSED or an OAuth error code such as invalid_grant (see "status-lens explain --list" for every code explained)`,
    );
  }
  io.stdout.write(format === 'json' ? `${JSON.stringify(entryJson(entry), null, 2)}\n` : entryText(entry, p));
  return EXIT_OK;
}
