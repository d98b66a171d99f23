import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * "One fact, one home": facts a review found defined twice, each now defined once. A second
 * definition drifts from the first (a rule and the contract matcher disagreeing on what a
 * preflight is), so these fail when one comes back.
 */
const ROOT = resolve(import.meta.dirname, '../../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = join(dir, d.name);
    if (d.isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(d.name) ? [p] : [];
  });
}

/** The files under src/ whose text matches, as paths from the repository root. */
function filesMatching(re: RegExp, under = 'src'): string[] {
  return sourceFiles(resolve(ROOT, under))
    .filter((f) => re.test(readFileSync(f, 'utf8')))
    .map((f) => relative(ROOT, f).split('\\').join('/'))
    .sort();
}

/** `typeof v === 'object' && v !== null`, either way round, on one line or several. */
const NON_NULL_OBJECT = String.raw`(?:typeof (\w+) === 'object'\s+&&\s+\1 !== null|(\w+) !== null\s+&&\s+typeof \2 === 'object')`;

/** A test for a plain object: the above `&& !Array.isArray(v)`. */
const OBJECT_TEST = new RegExp(`${NON_NULL_OBJECT}\\s+&&\\s+!Array\\.isArray\\(`);

/**
 * A guard letting arrays through: the above, without `!Array.isArray`, as what an arrow
 * function, a `return` or a parenthesised condition (not an `if`'s) gives. The branches of a
 * walk over JSON (`else if (typeof v === 'object' && v !== null)` after the arrays) are no guard.
 */
const OBJECT_OR_ARRAY_TEST = new RegExp(
  `(?:=>|return|(?<!if )\\()\\s*${NON_NULL_OBJECT}(?!\\s+&&\\s+!Array\\.isArray)` +
    // …or its negation as a guard's first line: `if (typeof v !== 'object' || v === null) return false;`
    String.raw`|if \((?:typeof (\w+) !== 'object' \|\| \3 === null|(\w+) === null \|\| typeof \4 !== 'object')\) return false;`,
);

describe('one fact, one home', () => {
  it('what a CORS preflight is: exchange/api-call.ts alone (contract matching, CORS rules and hints import it)', () => {
    // A function named like isPreflight, or a const bound to one, anywhere else is a second home.
    expect(filesMatching(/(?:function\s+\w*Preflight\s*\(|(?:const|let)\s+\w*Preflight\s*=)/)).toEqual([
      'src/core/exchange/api-call.ts',
    ]);
  });

  it("a URL's origin: exchange/url.ts (urlOrigin, originOfParts); no rule reads it with a regex of its own", () => {
    // A regular expression that stops right after `scheme://authority` (its match, or a group
    // closed there) reads an origin: the session rules each had one, and they disagreed on user info.
    expect(filesMatching(/:\\\/\\\/\[\^\/\?#\]\*[)/]/, 'src/core/rules')).toEqual([]);
  });

  it("a URL's parts (path, query, host): exchange/url.ts (splitUrl); the engine reads them with no regex of its own", () => {
    // A regular expression that reads past `scheme://` up to the path (`[^/?#]`) splits a URL:
    // session messages, the token-call test, a profile check and the panel's filter each had one.
    // export/redact.ts keeps every byte it does not redact, so it finds user info by position;
    // profiles/scope.ts reads a scope's URL pattern (`*://host/path`), not a URL.
    expect(filesMatching(/:\\\/\\\/\)?\(?\[\^\/\?#/, 'src/core')).toEqual([
      'src/core/exchange/url.ts',
      'src/core/export/redact.ts',
      'src/core/profiles/scope.ts',
    ]);
  });

  it('which resource types are calls a script made (fetch, XHR): exchange/api-call.ts (scriptResourceType)', () => {
    // The contract matcher, two rules and the session rules each kept a list; the matcher's was a
    // list of what is not an API call, and misspelled Chrome's `csp-violation-report`.
    expect(filesMatching(/['"]fetch['"],\s*['"]xhr['"]/)).toEqual(['src/core/exchange/api-call.ts']);
  });

  it('a count and its noun ("1 request", "2 requests"): text/plural.ts (countOf, nounFor)', () => {
    // The CLI's text report, the capture diff and the session rules each had a `plural` of their own.
    expect(filesMatching(/(?:function\s+plural\s*\(|(?:const|let)\s+plural\s*=)/)).toEqual([]);
    // Nor a noun picked by hand: `${n} item${n === 1 ? '' : 's'}`, `n === 1 ? 'member' : 'members'`.
    expect(
      filesMatching(/(?:===|!==) 1 \? '' : 's'|> 1 \? 's' : ''|(?:===|!==) 1 \? '(\w+)' : '\1s'/),
    ).toEqual([]);
    // Nor the words that agree with it ("which is" / "which are", "it" / "them"): agreeWith.
    // A profile check's "which are required" and the options page's unreadable profiles picked them by hand.
    expect(filesMatching(/(?:===|!==|>) 1 \? '(?:is|are|it|it is|they|them|they are)' : '/)).toEqual([]);
  });

  it('a list in a sentence ("a, b and c", "string or null"): text/list.ts (listOf)', () => {
    // The profile checks, the CLI's scope note, the contract messages and the panel's
    // filtered-out note each joined the last item by hand.
    expect(filesMatching(/slice\(0, -1\)\.join\(', '\)/)).toEqual(['src/core/text/list.ts']);
    // Nor a list joined by its conjunction alone ("a or b or c").
    expect(filesMatching(/\.join\(' (?:and|or) '\)/)).toEqual([]);
    // Nor alternatives joined by commas alone: the settings' option lists and the search box's
    // `is:` said "expected a, b" and "takes a, b, c" where any one will do.
    expect(filesMatching(/(?:expected|takes|one of) \(?\$\{[^}]*\.join\(', '\)/)).toEqual([]);
  });

  it("a rule's settings (off, info, warning, error): settings/schema.ts (RULE_SETTINGS)", () => {
    // The CLI's --rule help and its error, the settings reader and the profile validator wrote them
    // out by hand beside the list they check against.
    expect(filesMatching(/off, info, warning|"off", "info", "warning"|"off" \| "info"/)).toEqual([
      'src/core/settings/schema.ts',
    ]);
  });

  it('what a JSON object is (not an array, not null): json/walk.ts (isJsonObject, member)', () => {
    // The OpenAPI preparer, matcher, server reader and schema walks, the profile and settings
    // validators, the HAR reader, the summary, the message guards and a session rule each had one.
    expect(filesMatching(OBJECT_TEST)).toEqual(['src/core/json/walk.ts']);
  });

  it('any object, arrays included (a message or stored value, a JSON container): json/walk.ts (isObjectOrArray)', () => {
    // The panel's worker protocols (analysis, exports, comparisons, endpoints, coverage, search,
    // Compare with HAR), the stored OpenAPI index, moved bodies and the JSON tree each had an
    // `isObj` of their own, a name that hid that it lets arrays through.
    expect(filesMatching(OBJECT_OR_ARRAY_TEST)).toEqual(['src/core/json/walk.ts']);
    // What the pattern catches, and what it leaves: a walk's branch after its arrays.
    expect(
      OBJECT_OR_ARRAY_TEST.test(`const isObj = (v: unknown) => typeof v === 'object' && v !== null;`),
    ).toBe(true);
    expect(OBJECT_OR_ARRAY_TEST.test(`return (\n    m !== null &&\n    typeof m === 'object' &&`)).toBe(true);
    expect(OBJECT_OR_ARRAY_TEST.test(`  if (typeof v !== 'object' || v === null) return false;`)).toBe(true);
    expect(OBJECT_OR_ARRAY_TEST.test(`} else if (typeof v === 'object' && v !== null) {`)).toBe(false);
    expect(OBJECT_OR_ARRAY_TEST.test(`=> typeof v === 'object' && v !== null && !Array.isArray(v)`)).toBe(
      false,
    );
  });

  it('the kinds of JSON value (object, array, string, number, boolean, null): json/walk.ts (JsonType, jsonType)', () => {
    // The JSON diff and the capture diff's shapes each declared the union and read a value's
    // kind their own way; a profile's member types are JSON Schema's, JsonType | 'integer'.
    const KINDS = `'(?:object|array|string|number|boolean|null|integer)'`;
    expect(filesMatching(new RegExp(`${KINDS}(?: \\| ${KINDS}){2,}`))).toEqual(['src/core/json/walk.ts']);
    expect(filesMatching(/\btype JsonType\s*=/)).toEqual(['src/core/json/walk.ts']);
  });

  it('text shortened for people ("…" at the cut, whole characters): text/clip.ts', () => {
    // Rule messages, the leak scanner's excerpts and the JSON tree's previews each cut by hand,
    // and could halve an emoji. secrets/patterns.ts masks a secret: its "…" is always there.
    expect(filesMatching(/\.slice\(0, [^)]*\)\}…/)).toEqual(['src/core/secrets/patterns.ts']);
  });

  it('a byte size for people (KiB, MiB): units/bytes.ts (formatBytes)', () => {
    // The profile and settings notes said "KB" (rounded up), the OpenAPI list and limit "MB"
    // (a small description read "0.0 MB"), next to the body cap's "MiB".
    expect(filesMatching(/\/ 1024\b|\/ (?:KIB|MIB|GIB)\)?\.toFixed/)).toEqual([]);
  });

  it('the bidi controls a report or terminal shows instead (U+202E…): text/bidi.ts (BIDI_CLASS, showInvisible)', () => {
    // The terminal's safeText, the SARIF/JUnit showInvisible and the Markdown mdText each wrote the
    // class out. Written as an escape (`\u202e`, `\u{2066}`), a code point (`0x061c`) or raw.
    const BIDI_WRITTEN =
      /\\u\{?0*(?:202[a-e]|206[6-9]|061c|200[ef])|0x(?:202[a-e]|206[6-9]|061c|200[ef])|[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/i;
    expect(filesMatching(BIDI_WRITTEN)).toEqual(['src/core/text/bidi.ts']);
    // What the pattern catches.
    expect(BIDI_WRITTEN.test(String.raw`/[\u061c\u200e]/g`)).toBe(true);
    expect(BIDI_WRITTEN.test(String.raw`'\u{202E}'`)).toBe(true);
    expect(BIDI_WRITTEN.test('\u2067')).toBe(true);
    expect(BIDI_WRITTEN.test('// U+202E, the right-to-left override')).toBe(false);
  });

  it('the invisible format characters a report or terminal shows instead (U+200B…) and the joiners: text/bidi.ts (INVISIBLE_CLASS, JOINERS)', () => {
    // U+00AD, U+180E, U+200B–U+200D, U+2060–U+2064, as an escape, a code point or raw. U+FEFF is
    // left out: a parser skipping a byte order mark (`0xfeff`) is another fact, not a copy.
    const INVISIBLE_WRITTEN =
      /\\u\{?0*(?:200[b-d]|206[0-4]|180e|00ad)|0x(?:200[b-d]|206[0-4]|180e|00ad)\b|[\u00ad\u180e\u200b-\u200d\u2060-\u2064]/i;
    expect(filesMatching(INVISIBLE_WRITTEN)).toEqual(['src/core/text/bidi.ts']);
    // What the pattern catches, and what it leaves.
    expect(INVISIBLE_WRITTEN.test(String.raw`/[\u200B\u2060-\u2064]/g`)).toBe(true);
    expect(INVISIBLE_WRITTEN.test('[0x00ad, 0x00ad]')).toBe(true);
    expect(INVISIBLE_WRITTEN.test('ad\u200bmin')).toBe(true);
    expect(INVISIBLE_WRITTEN.test('text.charCodeAt(0) === 0xfeff')).toBe(false);
  });

  it('a net::ERR_ name in a recorded failure: catalogue/index.ts (netErrorName, explainNetError)', () => {
    // The panel's Overview, the popup's reasons and the failure hints each read the name with a
    // regex of their own; one that drifted would name a failure the others do not.
    expect(filesMatching(/err_\[a-z0-9_\]/i)).toEqual(['src/core/catalogue/index.ts']);
  });

  it('an own-member test: Object.hasOwn, not a helper of our own', () => {
    // Six files had each written `own = (o, k) => Object.prototype.hasOwnProperty.call(o, k)`.
    // The vendored validator (contract/vendor) is generated code and keeps its own.
    const written = filesMatching(/Object\.prototype\.hasOwnProperty\.call|\bconst own = \(/).filter(
      (f) => !f.startsWith('src/core/contract/vendor/'),
    );
    expect(written).toEqual([]);
  });
});
