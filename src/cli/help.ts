import { BUILTIN_PROFILE_IDS } from '../core/profiles/builtins';
import { SUBCOMMANDS, type Subcommand, type SubcommandName } from './commands';
import { TOOL_NAME, TOOL_VERSION } from './version';
import { listOf } from '../core/text/list';
import { RULE_SETTINGS } from '../core/settings/schema';
import { allOAuthErrors, OAUTH_CONTEXT_PLACE } from '../core/catalogue/oauth';

/** Built-in profile ids for help texts, from the registry: "problem, hal, envelope, graphql or jsonapi". */
const PROFILE_NAMES = listOf(BUILTIN_PROFILE_IDS, 'or');

/**
 * Where an OAuth 2.0 code is explained with a meaning of its own, from the catalogue (every place
 * it keeps entries for), worded as its headings are: "the token endpoint, …, a protected resource".
 */
const OAUTH_PLACES = listOf(
  [...new Set(allOAuthErrors().map((e) => e.context))].map((c) =>
    OAUTH_CONTEXT_PLACE[c].replace(/^(?:at|from) /, ''),
  ),
  'or',
);

/** `text` cut into lines of at most `width` characters, between words. */
function wrapped(text: string, width = 92): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...lines, line].join('\n');
}

/** One aligned Usage line per synopsis of every registered subcommand. */
function usageLines(): string {
  const all: readonly Subcommand[] = SUBCOMMANDS;
  const rows = all.flatMap((c) => c.synopsis);
  const width = Math.max(...rows.map(([usage]) => usage.length)) + 3;
  return rows
    .map(([usage, what]) => `  ${`${TOOL_NAME} ${usage}`.padEnd(width + TOOL_NAME.length + 1)}${what}`)
    .join('\n');
}

const GLOBAL = `${TOOL_NAME} ${TOOL_VERSION}: explains HTTP status codes and lints HAR files for API conventions.

Usage:
${usageLines()}

Options:
  -h, --help       show help (also after a command: ${TOOL_NAME} lint --help)
  -V, --version    print the version

Exit codes: 0 nothing failed, 1 findings at or over --fail-on, 2 usage error or bad input.
`;

const LINT = `Usage: ${TOOL_NAME} lint FILE.har… [options]

Checks every entry of each HAR file (use - for standard input) with the same engine as the
DevTools panel. Files of any size are read entry by entry. Glob patterns
("recordings/*.har", "**/*.har") are expanded by status-lens, so they work quoted in any shell.

Options:
  -p, --profile NAME        turn on a convention profile: a built-in
                            (${PROFILE_NAMES}) or the id of one in
                            --config's userProfiles (repeatable, or comma-separated;
                            a --profile-file is on already)
      --profile-file FILE   load a profile of your own (JSON, schemas/profile.schema.json)
                            and turn it on; repeatable. A bad file is named with the JSON
                            path of each problem (exit 2)
  -r, --rule ID=LEVEL       set a rule's severity: ${listOf(RULE_SETTINGS, 'or')}
                            (repeatable, or comma-separated: a=error,b=off)
  -c, --config FILE         settings JSON as exported by the extension's options page;
                            --profile and --rule apply on top of it
  -f, --format FORMAT       text (default), json, sarif, junit or markdown
  -o, --output FILE         write the report to FILE instead of standard output (- for stdout)
      --fail-on LEVEL       error (default), warning, info or none: the lowest severity
                            that makes the exit code 1
      --body-size-cap N     the body size limit: response bodies up to N bytes are
                            analysed, bigger ones are checked by status and headers only
                            (and counted in the summary). N takes K, M, G suffixes
                            (binary: 1K = 1 KiB = 1024 bytes).
                            Default: 5M, the extension's capture cap (or
                            capture.bodySizeCap from --config); raise it to analyse
                            bigger bodies, e.g. --body-size-cap 64M. Its former name,
                            --include-bodies-over, is still read
      --openapi FILE        check the traffic against an OpenAPI 3.0/3.1 description (JSON or
                            YAML; relative $refs are read beside it). Repeatable; also the
                            "openapi" list of the --config file. Adds contract/* findings and
                            an OpenAPI coverage summary to every report format
      --openapi-base-url URL
                            the host and base path that serve the description, in place of
                            its servers (e.g. http://localhost:8080/api). One for all
                            --openapi documents, or one per document in order
  -j, --jobs N              lint on N threads, this one and N - 1 workers (default: the
                            available cores); the report is the same, in request order.
                            Inputs under 8 MiB are linted on one thread
      --stdin-filename NAME the name standard input (-) is reported under, e.g. the
                            path of the recording piped in; the file location of its
                            SARIF results (default: stdin.har; <stdin> in messages)
  -h, --help                show this help

Exit codes:
  0  no finding at or over --fail-on
  1  at least one finding at or over --fail-on
  2  usage error, or input that cannot be read: a missing file, a file that is not a HAR,
     a truncated file, or entries that are not valid (missing request/response fields,
     broken JSON, base64 bodies that do not decode), an OpenAPI document that cannot be
     used (unreadable, not JSON/YAML, not OpenAPI 3.x, over 32 MB), or a report that cannot
     be written. An operation whose schema cannot be compiled is a warning, not exit 2.
     Every readable entry is still linted and reported; the bad ones are listed on
     standard error as FILE:LINE[:COLUMN]: error: PATH: MESSAGE (and in the report, except
     the text report on standard output), and the exit code is 2 even when findings would
     have made it 1. Every message on standard error has that shape: the file it is about
     first (or ${TOOL_NAME} when none is), then error, warning or note.

Examples:
  ${TOOL_NAME} lint session.har
  ${TOOL_NAME} lint --profile problem --rule http/created-location=error "recordings/*.har"
  ${TOOL_NAME} lint --profile-file acme-api.json traffic.har
  ${TOOL_NAME} lint --format sarif --output results.sarif traffic.har
  cat traffic.har | ${TOOL_NAME} lint - --format json
  gunzip -c traffic.har.gz | ${TOOL_NAME} lint - --stdin-filename traffic.har --format sarif
  ${TOOL_NAME} lint staging.har --openapi openapi.yaml --openapi-base-url https://staging.example.com/v1
`;

const DIFF = `Usage: ${TOOL_NAME} diff BEFORE.har AFTER.har [options]

Compares two captures per endpoint (route template, GET api.example.com/users/{id}): status
mix changes (200 → 500), new and resolved findings, response shape drift (members added,
removed or changed type, inferred from the JSON bodies seen), latency (p50/p95), and
endpoints that appeared or vanished. Both files are streamed entry by entry (- reads one
from standard input); the same engine as lint judges both.

Options:
  -f, --format FORMAT       text (default), json (versioned) or markdown (a pull-request comment)
  -o, --output FILE         write the comparison to FILE instead of standard output (- for stdout)
      --fail-on LEVEL       error (default), warning, info or none: the lowest severity of a
                            NEW finding (a rule on an endpoint that the before capture did
                            not have there) that makes the exit code 1
  -p, --profile NAME        turn on a convention profile (as lint; repeatable)
      --profile-file FILE   load a profile of your own and turn it on (as lint)
  -r, --rule ID=LEVEL       set a rule's severity (as lint)
  -c, --config FILE         settings JSON as exported by the options page (as lint)
      --body-size-cap N     the body size limit (as lint; default 5M; formerly
                            --include-bodies-over, still read)
      --openapi FILE        check both captures against an OpenAPI description (as lint)
      --openapi-base-url URL
                            the host and base path that serve it (as lint)
      --stdin-filename NAME the name standard input (-) is reported under (as lint)
      --ignore-host         match endpoints by method and route template alone, for two
                            captures of one API from different hosts (staging, production)
  -h, --help                show this help

Exit codes:
  0  no new finding at or over --fail-on
  1  a new finding at or over --fail-on
  2  usage error, or input that cannot be read (the message names the file and the entry,
     as lint's do); the comparison still covers every entry that could be read

Examples:
  ${TOOL_NAME} diff main.har branch.har
  ${TOOL_NAME} diff main.har branch.har --format markdown --output comment.md --fail-on warning
  ${TOOL_NAME} diff staging.har prod.har --ignore-host
`;

const EXPLAIN = `Usage: ${TOOL_NAME} explain CODE [--format text|json]
       ${TOOL_NAME} explain CLASS | REASON | WORDS [--format text|json]
       ${TOOL_NAME} explain --list [--oauth] [--format text|json]

Prints the catalogue entry for a status code (404, 418, 522…) or a Chrome network error
(net::ERR_CONNECTION_REFUSED): its reason phrase, what it means, common causes, what to do,
whether to retry, related headers, the spec, and what the convention profiles make of it.
${wrapped(
  `An OAuth 2.0 error code (invalid_grant, invalid_token, authorization_pending…) prints what it means, common causes, what to do and the section defining it, once for each place it is sent with a meaning of its own (${OAUTH_PLACES}; RFC 7591's codes are also sent by the client configuration endpoint); with --format json, an array.`,
)}

A class (4xx, 5XX) prints what RFC 9110 says of it and its catalogued codes with their reason
phrases (--format json: { class, name, summary, specUrl, entries }). A reason phrase or a
former name, in any case, with spaces, hyphens or underscores ("Not Found", not-found,
"I'm a teapot"), prints that code's entry; one that several entries bear (Unauthorized: 401
and AWS's 561) lists them. Anything else lists the entries the panel's Codes search finds for
its words (teapot, "too many"), best first, the first 20 as text (--format json: an array of
entries); when none match, the message names the reason phrase or OAuth code it is close to.

Options:
  -f, --format FORMAT   text (default) or json
      --list            every entry: status codes, network errors, then OAuth error
                        codes once for each place they are sent (--format json: an
                        array of the status and network error entries)
      --oauth           with --list: the OAuth error codes only (--format json: an
                        array of them, as explain CODE --format json prints them)
  -h, --help            show this help

Codes 100–999 are always explained: one without an entry of its own is described by its
class (100–599) or as not valid HTTP (600–999); 0 is a request that got no response.

Exit codes: 0 explained or candidates listed, 2 not a status code (any other number),
nothing found (an unknown net::ERR_ name, OAuth error code or words), or usage error.
`;

const RULES = `Usage: ${TOOL_NAME} rules [--format text|json] [--profile-file FILE] [--config FILE]

Lists every rule with its id, default severity, group (core, a profile, or opt-in),
description and source.

Options:
  -f, --format FORMAT   text (default) or json
      --profile-file FILE
                        also list the rules a profile of your own generates (repeatable)
  -c, --config FILE     also list those of the settings file's userProfiles
  -h, --help            show this help
`;

const VERSION = `Usage: ${TOOL_NAME} version
       ${TOOL_NAME} --version | -V

Prints the version of ${TOOL_NAME} to standard output.
`;

const HELP_HELP = `Usage: ${TOOL_NAME} help [COMMAND]
       ${TOOL_NAME} --help | -h
       ${TOOL_NAME} COMMAND --help

Prints the help for COMMAND to standard output, or without one the overview of every command.
`;

/** The help of each subcommand (the type makes a registered one without help a build error). */
export const HELP: Readonly<Record<SubcommandName | 'global', string>> = {
  global: GLOBAL,
  lint: LINT,
  diff: DIFF,
  explain: EXPLAIN,
  rules: RULES,
  version: VERSION,
  help: HELP_HELP,
};
