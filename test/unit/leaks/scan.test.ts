import { describe, expect, it } from 'vitest';
import { buildContext, DEFAULT_LIMITS, type EngineLimits } from '../../../src/core/engine/context';
import { jsonPointer } from '../../../src/core/json/pointer';
import { walkJson, type JsonValue } from '../../../src/core/json/walk';
import type { Report, Rule, RuleContext } from '../../../src/core/rules/types';
import { defineDetector, hintsIn } from '../../../src/core/leaks/hints';
import internalErrorDetails from '../../../src/core/rules/security/internal-error-details';
import { findInternalDetails, INTERNAL_DETAILS } from '../../../src/core/leaks/internals-patterns';
import { findSecrets, maskSecret, SECRET_HINTS } from '../../../src/core/secrets/patterns';
import secretInBodyRule, {
  issuedBecause,
  secretReport,
} from '../../../src/core/rules/security/secret-in-body';
import stackTrace, {
  isJsonResource,
  MAX_FRAME_HITS,
  siblingFrames,
  traceReport,
} from '../../../src/core/rules/security/stack-trace';
import {
  findStackFrame,
  findStackTrace,
  STACK_FRAMES,
  STACK_TRACES,
} from '../../../src/core/leaks/trace-patterns';
import { makeExchange } from '../../helpers/exchange';
import { expectLinearScaling } from '../../helpers/scaling';

/*
 * The scanning rules skip most strings (hints) and walk documents their own way. These tests
 * hold them to what scanning every string member with every pattern gives: the reference below
 * is that plain approach, with walkJson and the same bounds.
 */

// Secret-shaped test values are assembled at run time so none sits in the repository.
const alnum = (n: number) => 'Q7x9K2mP4v'.repeat(Math.ceil(n / 10)).slice(0, n);
const upper = (n: number) => 'Q7X9K2MP4V'.repeat(Math.ceil(n / 10)).slice(0, n);

/** Two frames on separate lines: a trace. One frame alone is not (see HITS for single frames). */
const TRACE = 'at com.acme.Svc.run(Svc.java:9)\n\tat com.acme.Main.main(Main.java:3)';

const HITS = [
  TRACE,
  'TypeError: boom\n    at handler (/srv/app/routes/users.js:17:9)\n    at next (/srv/app/index.js:3:1)',
  'SQLSTATE 23505',
  'java.lang.IllegalStateException: x\n\tat com.acme.Svc.run(Svc.java:9)',
  'at com.acme.Main.main(Unknown Source)',
  'Traceback (most recent call last):\n  File "/app/main.py", line 10, in <module>',
  '  File "/srv/x.py", line 3, in f',
  'goroutine 7 [running]:\nmain.main()',
  'Stack trace:\n#0 {main}',
  'Stack trace:<br />#0 /var/www/a.php(3)',
  '   at Shop.Api.OrdersController.Get(Int32 id) in C:\\src\\OrdersController.cs:line 27',
  '--- End of stack trace from previous location ---',
  'TypeError: boom\n    at handler (/srv/app/routes/users.js:17:9)',
  'at async file:///app/index.mjs:3:14',
  "app/models/order.rb:12:in `total'",
  'syntax error at or near "FROM"',
  'duplicate key value violates unique constraint "users_pkey"',
  'relation "orders" does not exist',
  'insert or update on table "a" violates foreign key constraint "a_b_fkey"',
  'ORA-00942: table or view does not exist',
  'You have an error in your SQL syntax; check the manual',
  'ER_DUP_ENTRY',
  "Duplicate entry 'a@b.c' for key 'email'",
  "Unclosed quotation mark after the character string 'abc'.",
  'Incorrect syntax near the keyword',
  'SQLITE_CONSTRAINT: UNIQUE failed',
  'no such column: nme',
  'MongoServerError: boom',
  'E11000 duplicate key error',
  'SQLSTATE[42S02]',
  'PDOException',
  'java.sql.SQLException: x',
  'org.postgresql.util.PSQLException: x',
  'SqlException (0x80131904)',
  'org.hibernate.exception.SQLGrammarException',
  'sqlalchemy.exc.IntegrityError',
  'django.db.utils.OperationalError',
  'psycopg2.errors.UndefinedTable',
  'ActiveRecord::RecordNotUnique',
  'PG::UndefinedColumn',
  'SequelizeDatabaseError',
  'PrismaClientKnownRequestError',
  'AK' + 'IA' + upper(16),
  'AS' + 'IA' + upper(16),
  '-----BEGIN ' + 'EC PRIVATE KEY-----',
  'xo' + 'xp-' + '1234-' + alnum(20),
  'gh' + 'o_' + alnum(36),
  'github' + '_pat_' + alnum(30),
  's' + 'k_live_' + alnum(20),
  'r' + 'k_live_' + alnum(20),
  'AI' + 'za' + alnum(35),
];

const NEAR_MISSES = [
  'meet at noon (room 12)',
  'created at 10:00:00 on 2024-05-01',
  'See Foo.java:42',
  'Stack trace:',
  '#0 {main}',
  'goroutine',
  'at ',
  'com.acme.Svc.run(Svc.java:9)',
  'SQL',
  'syntax',
  'violates nothing',
  'no such luck',
  'Mongo',
  'AKIA',
  'ghp_short',
  'k_live_',
  'é日本😀',
  '',
];

/** Deterministic pseudo-random numbers (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KEYS = ['a', 'trace', '__proto__', 'x/y', 'm~n', 'stack', '', 'message'];

function randomString(rand: () => number): string {
  const r = rand();
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  if (r < 0.15) return pick(HITS);
  if (r < 0.45) return pick(NEAR_MISSES);
  if (r < 0.55) return `${pick(NEAR_MISSES)} ${pick(HITS)} ${pick(NEAR_MISSES)}`;
  if (r < 0.6) return 'x'.repeat(Math.floor(rand() * 400));
  return pick(['alpha', 'bravo', 'charlie', 'delta 12.5', 'ok']);
}

function randomValue(rand: () => number, depth: number): JsonValue {
  const r = rand();
  if (depth > 6 || r < 0.45) {
    const s = rand();
    if (s < 0.75) return randomString(rand);
    if (s < 0.85) return Math.floor(rand() * 1000);
    return s < 0.93 ? null : rand() < 0.5;
  }
  const n = Math.floor(rand() * 5);
  if (r < 0.7) return Array.from({ length: n }, () => randomValue(rand, depth + 1));
  const obj: Record<string, JsonValue> = {};
  for (let i = 0; i < n; i++) {
    const key = KEYS[Math.floor(rand() * KEYS.length)]!;
    // defineProperty, so that a "__proto__" key becomes an own member as JSON.parse makes it.
    Object.defineProperty(obj, rand() < 0.5 ? key : `${key}${i}`, {
      value: randomValue(rand, depth + 1),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return obj;
}

/** The scan as it used to be: every string member, each pattern, in document order. */
function referenceScan<T>(
  ctx: RuleContext,
  detect: (s: string) => T[],
  max: number,
): { value: T; pointer?: string }[] {
  const text = ctx.text;
  if (text === undefined || text.length === 0) return [];
  const out: { value: T; pointer?: string }[] = [];
  if (ctx.json.kind === 'ok') {
    let budget = text.length;
    let truncated = false;
    let visited = 0;
    const strings: { path: (string | number)[]; text: string }[] = [];
    walkJson(
      ctx.json.value,
      ({ value, path, depth }) => {
        if (budget <= 0) {
          truncated = true;
          return false;
        }
        visited++;
        if (typeof value === 'string') {
          const s = value.length > budget ? value.slice(0, budget) : value;
          budget -= s.length;
          strings.push({ path, text: s });
        } else if (depth >= 64 && value !== null && typeof value === 'object') truncated = true;
        return undefined;
      },
      { maxNodes: 100_000, maxDepth: 64 },
    );
    if (visited >= 100_000) truncated = true;
    for (const { path, text: s } of strings) {
      for (const hit of detect(s)) {
        if (out.length >= max) return out;
        out.push(path.length > 0 ? { value: hit, pointer: jsonPointer(path) } : { value: hit });
      }
    }
    if (out.length > 0 || !truncated) return out;
  }
  for (const hit of detect(text)) {
    if (out.length >= max) break;
    out.push({ value: hit });
  }
  return out;
}

const report = (message: string, pointer?: string): Report =>
  pointer === undefined ? { message } : { message, pointer };

function expected(ctx: RuleContext): Record<string, Report[]> {
  let [trace] = referenceScan(
    ctx,
    (s) => {
      const t = findStackTrace(s);
      return t ? [t] : [];
    },
    1,
  );
  if (!trace && isJsonResource(ctx)) {
    const frames = referenceScan(
      ctx,
      (s) => {
        const f = findStackFrame(s);
        return f ? [f] : [];
      },
      MAX_FRAME_HITS,
    );
    trace = siblingFrames(frames);
  }
  const root = ctx.json.kind === 'ok' ? ctx.json.value : undefined;
  const internals = referenceScan(
    ctx,
    (s) => {
      const h = findInternalDetails(s);
      return h ? [h] : [];
    },
    1,
  );
  const secrets = referenceScan(
    ctx,
    (s) =>
      findSecrets(s, 5).map((f) => ({
        kind: f.kind,
        masked: maskSecret(f.kind, s.slice(f.index, f.index + f.length)),
      })),
    5,
  );
  return {
    [stackTrace.id]: trace ? [traceReport(trace, ctx.exchange.status, isJsonResource(ctx))] : [],
    [internalErrorDetails.id]: internals.map(({ value, pointer }) =>
      report(`The body exposes ${value.what}: "${value.excerpt}"`, pointer),
    ),
    [secretInBodyRule.id]: secrets.map(({ value, pointer }) =>
      secretReport(value.kind, value.masked, pointer, issuedBecause(root, pointer, false)),
    ),
  };
}

const RULES: Rule[] = [stackTrace, internalErrorDetails, secretInBodyRule];

function check(body: string, contentType: string, limits: EngineLimits = DEFAULT_LIMITS): number {
  const ctx = buildContext(makeExchange({ headers: { 'Content-Type': contentType }, body }), limits);
  const want = expected(ctx);
  let found = 0;
  for (const rule of RULES) {
    const got = rule.check(ctx);
    expect(got, `${rule.id} on ${body.slice(0, 200)}`).toEqual(want[rule.id]);
    found += got.length;
  }
  return found;
}

describe('security scanning matches a string-by-string scan', () => {
  it('on random JSON documents', () => {
    const rand = rng(20240501);
    let found = 0;
    for (let i = 0; i < 600; i++) {
      const doc = randomValue(rand, 0);
      found += check(JSON.stringify(doc), 'application/json');
    }
    expect(found).toBeGreaterThan(100); // the corpus does exercise the rules
  });

  it('on random JSON documents under tight scan budgets', () => {
    const rand = rng(7);
    for (let i = 0; i < 300; i++) {
      const doc = randomValue(rand, 0);
      const maxScanChars = 1 + Math.floor(rand() * 300);
      check(JSON.stringify(doc), 'application/json', { ...DEFAULT_LIMITS, maxScanChars });
    }
  });

  it('on random JSON documents written with \\u and \\/ escapes', () => {
    // A body may spell any character as \uXXXX and "/" as \/: a hint is then not verbatim in
    // the raw text, so the raw-text shortcut must not be trusted there.
    const escape = (json: string, rand: () => number) =>
      json.replace(/"(?:[^"\\]|\\.)*"/g, (str) =>
        str.replace(/[A-Za-z(./ ]/g, (c) =>
          rand() < 0.3
            ? c === '/' && rand() < 0.5
              ? '\\/'
              : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`
            : c,
        ),
      );
    const rand = rng(314);
    let found = 0;
    for (let i = 0; i < 400; i++) {
      const body = escape(JSON.stringify(randomValue(rand, 0)), rand);
      found += check(body, 'application/json');
    }
    expect(found).toBeGreaterThan(50);
  });

  it('on plain text and invalid JSON', () => {
    const rand = rng(99);
    for (let i = 0; i < 200; i++) {
      const parts = Array.from({ length: 1 + Math.floor(rand() * 4) }, () => randomString(rand));
      check(parts.join(rand() < 0.5 ? '\n' : ' '), 'text/plain');
      check(`{"broken": ${JSON.stringify(parts.join(' '))}`, 'application/json');
    }
  });

  it('never joins neighbouring strings into one hit', () => {
    const doc = [
      'Stack trace:',
      '#0 {main}',
      'at com.acme.Svc.run(',
      'Svc.java:9)',
      'AK' + 'IA',
      upper(16),
      'Traceback (most recent',
      ' call last)',
    ];
    expect(check(JSON.stringify(doc), 'application/json')).toBe(0);
  });

  it('past the node bound, falls back to the raw text like before', () => {
    const filler = Array.from({ length: 100_050 }, (_, i) => i);
    const late = { filler, trace: TRACE, key: 'AK' + 'IA' + upper(16) };
    expect(check(JSON.stringify(late), 'application/json')).toBe(2);
    const early = { trace: TRACE, filler };
    expect(check(JSON.stringify(early), 'application/json')).toBe(1);
  });

  // Ten documents of 100,000 nodes, each scanned and checked against the reference: a few
  // seconds, past vitest's 5 s default on a busy machine (a hang-stop, not a speed guard).
  it('at the node bound', { timeout: 60_000 }, () => {
    const trace = JSON.stringify(TRACE);
    for (let filler = 99_996; filler <= 100_000; filler++) {
      const numbers = '0,'.repeat(filler);
      // The root, the fillers, then the trace: it is node filler + 2.
      expect(check(`[${numbers}${trace}]`, 'application/json')).toBe(1);
      // A trace only in a key: found in the raw text exactly when the walk stops short.
      check(`[${numbers}{${trace}:1}]`, 'application/json');
    }
  });

  it('when the strings use up the scan budget exactly', () => {
    // The trace sits in a key, so only the raw text can show it.
    const body = JSON.stringify({ [TRACE]: 'x'.repeat(100), after: 1 });
    for (const maxScanChars of [99, 100, 101])
      check(body, 'application/json', { ...DEFAULT_LIMITS, maxScanChars });
    const ctx = buildContext(makeExchange({ headers: { 'Content-Type': 'application/json' }, body }), {
      ...DEFAULT_LIMITS,
      maxScanChars: 100,
    });
    expect(stackTrace.check(ctx)).toHaveLength(1);
  });

  it('at the depth bound, in arrays and objects', () => {
    for (let levels = 60; levels <= 68; levels++) {
      let arrays: JsonValue = TRACE;
      let objects: JsonValue = 'SQLSTATE[23000]';
      for (let i = 0; i < levels; i++) {
        arrays = [arrays];
        objects = { k: objects };
      }
      expect(check(JSON.stringify(arrays), 'application/json')).toBe(1);
      expect(check(JSON.stringify(objects), 'application/json')).toBe(1);
    }
  });

  it('in string members nested deeper than the walk goes', () => {
    let body = JSON.stringify({ deep: 'SQLSTATE[23000]', trace: TRACE });
    for (let i = 0; i < 70; i++) body = `[${body}]`;
    expect(check(body, 'application/json')).toBe(2);
  });

  it('names members with keys that need escaping, and a string document root', () => {
    check(JSON.stringify({ 'a/b': { '~k': ['x', TRACE] } }), 'application/json');
    check(JSON.stringify('ORA-00942: table or view does not exist'), 'application/json');
    check('{"__proto__": {"x": "SQLSTATE[42S02]"}}', 'application/json');
  });
});

describe('hints', () => {
  it('every known hit carries its detector’s hint', () => {
    for (const s of HITS) {
      const bits = hintsIn(s);
      const hits = [
        findStackTrace(s) && STACK_TRACES.bit,
        findStackFrame(s) && STACK_FRAMES.bit,
        findInternalDetails(s) && INTERNAL_DETAILS.bit,
      ];
      for (const bit of hits) if (bit) expect(bits & bit, s).toBe(bit);
      if (findSecrets(s).length > 0)
        expect(
          SECRET_HINTS.some((h) => s.includes(h)),
          s,
        ).toBe(true);
    }
    // Each known hit is caught by at least one detector, so the list above tests every pattern.
    for (const s of HITS)
      expect(
        findStackTrace(s) ?? findStackFrame(s) ?? findInternalDetails(s) ?? findSecrets(s)[0],
        s,
      ).toBeDefined();
  });

  it('finds hints at the very start and end of a text', () => {
    expect(hintsIn('at ') & STACK_TRACES.bit).toBe(STACK_TRACES.bit);
    expect(hintsIn('xx.rb:') & STACK_TRACES.bit).toBe(STACK_TRACES.bit);
    expect(hintsIn('SQL') & INTERNAL_DETAILS.bit).toBe(INTERNAL_DETAILS.bit);
    expect(hintsIn('é日SQL😀') & INTERNAL_DETAILS.bit).toBe(INTERNAL_DETAILS.bit);
    expect(hintsIn('')).toBe(0);
    expect(hintsIn('a')).toBe(0);
    expect(hintsIn('plain words, nothing else')).toBe(0);
  });

  it('refuses hints it cannot anchor', () => {
    expect(() => defineDetector(() => [], ['x'])).toThrow();
    expect(() => defineDetector(() => [], ['日本'])).toThrow();
    // A hint that ignores case is written in lower case.
    expect(() => defineDetector(() => [], ['Secret'], { ignoreCase: true })).toThrow();
  });

  it('finds a hint that ignores case in any case of its letters, and nothing else', () => {
    const NAMES = defineDetector<never>(() => [], ['passwd', 'x{y'], { ignoreCase: true });
    const has = (s: string) => (hintsIn(s) & NAMES.bit) === NAMES.bit;
    for (const s of ['passwd', '{"PASSWD": 1}', 'my_PassWd', 'a pAsSwD', 'X{Y', 'x{Y'])
      expect(has(s), s).toBe(true);
    // Near misses: a letter short, another letter, and "[" (which is "{" with 0x20 cleared).
    for (const s of ['passw', 'pass wd', 'passwe', 'X[Y', 'x[y', 'pässwd']) expect(has(s), s).toBe(false);
  });
});

describe('credential member names', () => {
  const body = (name: string) =>
    JSON.stringify({ user: 'ada', [name]: 'hunter2-Correct-Horse-9f8e7d6c5b4a' });
  const named = (name: string) =>
    secretInBodyRule
      .check(
        buildContext(makeExchange({ headers: { 'Content-Type': 'application/json' }, body: body(name) })),
      )
      .filter((r) => r.message.includes('named like a credential'))
      .map((r) => r.pointer);

  it('are found whatever their case', () => {
    for (const name of ['password', 'PASSWORD', 'PassWd', 'Client-Secret', 'CLIENT_SECRET', 'privateKey'])
      expect(named(name), name).toEqual([`/${name}`]);
  });

  it('are not reported for other names', () => {
    expect(named('username')).toEqual([]);
    expect(named('pass_hint')).toEqual([]);
  });
});

describe('security scanning stays fast', () => {
  // Fast means linear: the time grows with the document, not with its square (see scaling.ts for
  // why a ratio and not a wall-clock limit).
  const jsonContext = (body: object) =>
    buildContext(makeExchange({ headers: { 'Content-Type': 'application/json' }, body }));
  const scanFindsNothing = (ctx: RuleContext) => {
    for (const rule of RULES) expect(rule.check(ctx)).toEqual([]);
  };

  // The timeout only stops a hang; the guard is the ratio. Several inputs at up to 2 MB take a
  // few seconds, more on a busy machine.
  it('when every string of a large document holds a hint', { timeout: 60_000 }, () => {
    expectLinearScaling(
      (size) => jsonContext(Array.from({ length: size }, (_, i) => `meet at ${i} SQL xox`)),
      scanFindsNothing,
      { n: 1_000, maxSize: 90_000 }, // under the walk's bound of 100,000 nodes
    );
  });

  // The timeout only stops a hang; the guard is the ratio. Several inputs at up to 2 MB take a
  // few seconds, more on a busy machine.
  it('on a hostile 2 MB JSON string', { timeout: 60_000 }, () => {
    for (const unit of ['at ', 'SQL', 'AKIA', '.rb:1']) {
      expectLinearScaling((size) => jsonContext({ s: unit.repeat(size) }), scanFindsNothing, {
        n: 5_000,
        maxSize: Math.floor(DEFAULT_LIMITS.maxScanChars / unit.length) - 10,
      });
    }
  });
});
