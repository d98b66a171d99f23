import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../../src/cli/args';
import { entryLinter } from '../../../src/cli/lint/entry';
import { LINT_OPTIONS, planLint } from '../../../src/cli/lint/options';
import {
  profilesInScope,
  profilesLeftOut,
  ScopeTally,
  unmatchedMessage,
  watchedProfiles,
} from '../../../src/cli/lint/scope-watch';
import { makeExchange } from '../../helpers/exchange';
import { harEntry, ROOT, writeScratch } from './cli-harness';

const doc = (id: string, urls: string[], extra: object = {}) => ({
  id,
  name: id,
  summary: 's',
  source: 'https://x.test/',
  scope: { urls },
  ...extra,
});

describe('which user profiles an entry was in scope of (what a --jobs worker sends back)', () => {
  it('is a short list of positions in the plan, absent when none held it; whole exchanges never', async () => {
    const a = writeScratch(
      'a.json',
      doc('a', ['https://a.test/*'], { body: { error: { required: ['code'] } } }),
    );
    // A profile that only re-rates a core rule has no rules of its own: its scope is asked directly.
    const b = writeScratch('b.json', doc('b', ['https://*.test/*'], { rules: { 'http/date': 'off' } }));
    const io = { cwd: ROOT } as Parameters<typeof planLint>[1];
    const { plan } = await planLint(
      parseArgs(['--profile-file', a, '--profile-file', b, 'x.har'], LINT_OPTIONS, 'lint'),
      io,
    );
    expect(plan.watch?.map((w) => w.id)).toEqual(['a', 'b']);
    const linter = entryLinter(plan);
    const lint = (url: string) => {
      const bytes = new TextEncoder().encode(
        JSON.stringify(
          harEntry({ url, status: 400, headers: { 'Content-Type': 'application/json' }, text: '{}' }),
        ),
      );
      return linter.lint({ index: 0, line: 1, offset: 0, bytes }, 0);
    };
    expect(lint('https://a.test/x').inScope).toEqual([0, 1]);
    expect(lint('https://b.test/x').inScope).toEqual([1]);
    expect(lint('https://c.example/x')).not.toHaveProperty('inScope');
    expect(structuredClone(lint('https://a.test/x').inScope)).toEqual([0, 1]);
  });

  it('tallies a file: a profile no exchange was in is named; a file without exchanges names none', () => {
    const watch = watchedProfiles({
      profiles: ['a', 'b', 'c'],
      userProfiles: [doc('a', ['https://a.test/*']), doc('b', ['https://b.test/*']), doc('off', [])],
    });
    expect(watch.map((w) => w.id)).toEqual(['a', 'b']);
    const tally = new ScopeTally(watch);
    expect(tally.unmatched()).toEqual([]);
    tally.add(profilesInScope(watch, makeExchange({ url: 'https://a.test/1', resourceType: 'fetch' }), {}));
    tally.add(undefined);
    expect(tally.exchanges).toBe(2);
    expect(tally.unmatched().map((w) => w.id)).toEqual(['b']);
  });

  it('compiles each scope as the engine does: a profile running graphql/… checks holds GraphQL requests', () => {
    const graphqlCall = makeExchange({
      method: 'POST',
      url: 'https://api.a.test/graphql',
      resourceType: 'fetch',
      postData: { mimeType: 'application/json', text: '{"query":"{ viewer { id } }"}' },
    });
    const watch = watchedProfiles({
      profiles: ['rest', 'gql'],
      userProfiles: [
        doc('rest', ['https://api.a.test/*']),
        doc('gql', ['https://api.a.test/*'], { checks: ['graphql/errors-shape'] }),
      ],
    });
    expect(watch.map((w) => w.scope.outOfScope(graphqlCall) === undefined)).toEqual([false, true]);
    expect(profilesInScope(watch, graphqlCall, {})).toEqual([1]);
  });

  it('names, by position and reason, the profiles whose URLs held an exchange they left out', () => {
    const watch = watchedProfiles({
      profiles: ['a', 'b', 'get'],
      userProfiles: [
        doc('a', ['https://a.test/*']),
        doc('b', ['https://b.test/*']),
        doc('get', ['https://a.test/*'], { scope: { urls: ['https://a.test/*'], methods: ['GET'] } }),
      ],
    });
    const page = makeExchange({ url: 'https://a.test/', resourceType: 'document' });
    expect(profilesLeftOut(watch, page, profilesInScope(watch, page, {}), {})).toEqual([
      [0, 'not-api-call'],
      [2, 'not-api-call'],
    ]);
    const post = makeExchange({ method: 'POST', url: 'https://a.test/orders', resourceType: 'fetch' });
    const held = profilesInScope(watch, post, {});
    expect(held).toEqual([0]);
    expect(profilesLeftOut(watch, post, held, {})).toEqual([[2, 'method']]);
    // The engine's spec-defined verdict is read back, not asked again.
    const call = makeExchange({ url: 'https://b.test/x', resourceType: 'fetch' });
    expect(profilesLeftOut(watch, call, undefined, { specDefined: 'oauth-token' })).toEqual([
      [1, 'oauth-token'],
    ]);
    // Plain data: what a --jobs worker sends back.
    expect(structuredClone(profilesLeftOut(watch, page, undefined, {}))).toEqual([
      [0, 'not-api-call'],
      [2, 'not-api-call'],
    ]);
  });

  it('tallies what each unmatched profile left out, and words it on the same line', () => {
    const watch = watchedProfiles({
      profiles: ['a', 'b'],
      userProfiles: [doc('a', ['https://a.test/*']), doc('b', ['https://b.test/*'])],
    });
    const tally = new ScopeTally(watch);
    tally.add(undefined, [[0, 'not-api-call']]);
    tally.add(undefined, [[0, 'graphql']]);
    tally.add(undefined, [[0, 'not-api-call']]);
    tally.add([1]);
    const [a] = tally.unmatchedWithReasons();
    expect(tally.unmatchedWithReasons().map((u) => u.profile.id)).toEqual(['a']);
    expect(a!.leftOut).toEqual({ 'not-api-call': 2, graphql: 1 });
    expect(unmatchedMessage(a!.profile, tally.exchanges, a!.leftOut)).toBe(
      'profile "a" matched none of the 4 entries (scope: API calls to https://a.test/*); of the 3 entries on its URLs, 2 are not API calls and 1 is a GraphQL request',
    );
    // Nothing on its URLs: the warning as before.
    expect(unmatchedMessage(a!.profile, 4)).toBe(
      'profile "a" matched none of the 4 entries (scope: API calls to https://a.test/*)',
    );
  });

  it("trusts the engine's verdict where it gave one", () => {
    const [w] = watchedProfiles({ profiles: ['a'], userProfiles: [doc('a', ['https://a.test/*'])] });
    const ex = makeExchange({ url: 'https://elsewhere.test/', resourceType: 'fetch' });
    expect(profilesInScope([w!], ex, { profiles: [{ profile: 'a' }] })).toEqual([0]);
    expect(
      profilesInScope([w!], ex, { profiles: [{ profile: 'a', reason: 'its URL is outside the scope' }] }),
    ).toBeUndefined();
  });
});
