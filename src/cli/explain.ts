import { allEntries } from '../core/catalogue/index';
import { lookUpCatalogue, type CatalogueLookup } from '../core/catalogue/lookup';
import { RETRY_LABEL } from '../core/catalogue/retry-labels';
import { ENTRY_HEADINGS as H, entryView } from '../core/catalogue/entry-view';
import type { CatalogueEntry } from '../core/catalogue/types';
import {
  allOAuthErrors,
  oauthCodesForStatus,
  oauthErrorTitle,
  oauthPlacesBorrowing,
  OAUTH_CONTEXT_PLACE,
  type OAuthErrorEntry,
} from '../core/catalogue/oauth/index';
import { cutList, moreLine } from '../core/text/first-few';
import { listOf } from '../core/text/list';
import { countOf } from '../core/text/plural';
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
 * A status code lines up in a narrow column; a network error, whose name is long, has its summary
 * on a line of its own.
 */
function entryLine(e: CatalogueEntry): string {
  return typeof e.code === 'number'
    ? `${String(e.code).padEnd(4)} ${safeText(e.reason)} — ${safeText(e.summary)}`
    : `${safeText(e.code)}\n     ${safeText(e.summary)}`;
}

/**
 * Status codes, then network errors, then the OAuth error codes, once for each place they are
 * sent (headed as `explain CODE` heads them) and marked as OAuth, since `invalid_request` alone
 * says nothing of where it is from.
 */
function listText(entries: readonly CatalogueEntry[], oauth: readonly OAuthErrorEntry[]): string {
  const oauthLine = (e: OAuthErrorEntry) => `${oauthErrorTitle(e)} (OAuth 2.0)\n     ${e.summary}`;
  return `${[...entries.map(entryLine), ...oauth.map(oauthLine)].join('\n')}\n`;
}

/** A class: RFC 9110's words on it, then its catalogued codes by reason phrase, a column to scan. */
function classText(found: Extract<CatalogueLookup, { kind: 'class' }>, p: Paint): string {
  const { statusClass, info, entries } = found;
  const base = entries.find((e) => e.code === Number(statusClass[0]) * 100);
  const lines = [
    `${p.bold(`${statusClass} ${info.name}`)}  ${p.dim('a class of status codes')}`,
    '',
    info.summary,
    '',
    p.bold(`Catalogued ${statusClass} codes:`),
    ...entries.map((e) => `  ${String(e.code).padEnd(4)} ${safeText(e.reason)}`),
    '',
    `${p.bold(`${H.definedBy}:`)} RFC 9110 §${info.section} — ${info.specUrl}`,
    `status-lens explain CODE explains one${base ? `; a ${statusClass} code without an entry is read as ${String(base.code)} ${base.reason}` : ''}.`,
  ];
  return `${lines.join('\n')}\n`;
}

/** At most this many candidates are printed as text: a one-letter search finds most of the catalogue. */
const MAX_CANDIDATE_LINES = 20;

function candidatesText(arg: string, found: Extract<CatalogueLookup, { kind: 'candidates' }>): string {
  const { by, entries } = found;
  const quoted = safeText(JSON.stringify(arg));
  const count = countOf(entries.length, 'entry', 'entries');
  const heading =
    by === 'reason'
      ? `${quoted} is the reason phrase of ${count}:`
      : `${quoted} is no code or reason phrase; searching the catalogue for it finds ${count}:`;
  const { shown, more } = cutList(entries, MAX_CANDIDATE_LINES);
  const lines = [heading, ...shown.map(entryLine)];
  if (more > 0) lines.push(`${moreLine(more)}: add words to narrow the search`);
  lines.push('', 'status-lens explain CODE explains one.');
  return `${lines.join('\n')}\n`;
}

/** Why nothing was found, and what the argument is close to (the "did you mean" of other commands). */
function noneMessage(arg: string, found: Extract<CatalogueLookup, { kind: 'none' }>): string {
  const hint =
    found.near.length > 0
      ? ` (did you mean ${listOf(found.near, 'or')}?)`
      : found.oauthCodes
        ? ` (the OAuth error codes explained are ${listOf(found.oauthCodes)})`
        : '';
  return `no catalogue entry for ${JSON.stringify(arg)}${hint}: expected a status code such as 404, a class such as 4xx, a reason phrase such as "Not Found", a network error such as net::ERR_CONNECTION_REFUSED or an OAuth error code such as invalid_grant (see "status-lens explain --list" for every code explained)`;
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
        ? 'give a status code (404), a class (4xx), a reason phrase ("Not Found"), a network error (net::ERR_CONNECTION_REFUSED) or an OAuth error code (invalid_grant)'
        : `give one code at a time (quote a reason phrase or words: "${args.positionals.join(' ')}")`,
      'explain',
    );
  }
  const arg = args.positionals[0]!;
  const found = lookUpCatalogue(arg);
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  switch (found.kind) {
    case 'not-a-status-code':
      throw new InputError(
        `${JSON.stringify(arg)} is not an HTTP status code: status codes have three digits (100–599 are defined, 600–999 are seen from misbehaving servers), and 0 (or Playwright's -1) stands for a request that got no response`,
      );
    case 'none':
      throw new InputError(noneMessage(arg.trim(), found));
    case 'entry':
      io.stdout.write(format === 'json' ? json(entryJson(found.entry)) : entryText(found.entry, p));
      return EXIT_OK;
    case 'oauth':
      io.stdout.write(
        format === 'json' ? json(found.entries.map(oauthEntryJson)) : oauthText(found.entries, p),
      );
      return EXIT_OK;
    case 'class':
      io.stdout.write(
        format === 'json'
          ? json({
              class: found.statusClass,
              name: found.info.name,
              summary: found.info.summary,
              specUrl: found.info.specUrl,
              entries: found.entries.map(entryJson),
            })
          : classText(found, p),
      );
      return EXIT_OK;
    case 'candidates':
      io.stdout.write(
        format === 'json' ? json(found.entries.map(entryJson)) : candidatesText(arg.trim(), found),
      );
      return EXIT_OK;
  }
}
