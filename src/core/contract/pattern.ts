import { compileUserRegex } from '../filter/user-regex';

/**
 * JSON Schema `pattern` and `patternProperties`, run on RE2 (re2js) instead of V8's backtracking
 * engine. The pattern comes from a description the user loaded — possibly someone else's — and
 * the subject from a response the inspected page chose: `^(a+)+$` against forty `a`s and a `!`
 * would hold the worker (or the CLI) for hours on a backtracking engine. RE2 is linear in the
 * subject whatever the pattern. The price is RE2's syntax (no lookaround, no backreferences):
 * a pattern it cannot compile disables the operations that use it, with a message.
 */
export type CompiledPattern = { test: (subject: string) => boolean } | { error: string };

/** Compiled once per distinct source, shared by every description the process prepares. */
const cache = new Map<string, CompiledPattern>();
/** A description with more distinct patterns than this is not plausible; the cache stops growing. */
const MAX_CACHED = 20_000;

/** Compiles a schema pattern (ECMAScript source, `u` semantics) for RE2, or says why it cannot. */
export function compilePattern(source: string): CompiledPattern {
  let c = cache.get(source);
  if (c) return c;
  const r = compileUserRegex(source, '');
  c = 'error' in r ? { error: r.error } : { test: (s: string) => r.test(s) };
  if (cache.size < MAX_CACHED) cache.set(source, c);
  return c;
}

/**
 * The validator's hook (vendor/validate.js): does `subject` match `source`? A pattern RE2 cannot
 * compile never gets here in practice (its operations are disabled when the description is
 * prepared); should one, it is treated as matching, so it never produces a false finding.
 */
export function testPattern(source: string, subject: string): boolean {
  const c = compilePattern(source);
  return 'error' in c ? true : c.test(subject);
}
