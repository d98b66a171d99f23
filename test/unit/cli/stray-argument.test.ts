import { describe, expect, it } from 'vitest';
import { strayArgumentHint } from '../../../src/cli/lint/stray-argument';
import { BUILTIN_PROFILE_IDS } from '../../../src/core/profiles/builtins';

/** The comma form is a command to copy: it must keep the profiles the user gave, not put others in. */
describe('strayArgumentHint: a profile left as an input after a space', () => {
  const form = (arg: string, given: string[], ids: readonly string[] = BUILTIN_PROFILE_IDS) =>
    /\(--profile [^)]*\)/.exec(strayArgumentHint(arg, ids, given))?.[0];

  it.each([
    ['hal', ['problem'], '(--profile problem,hal)'],
    ['jsonapi', ['hal'], '(--profile hal,jsonapi)'],
    ['graphql', ['envelope'], '(--profile envelope,graphql)'],
    ['my-api', ['hal'], '(--profile hal,my-api)'],
  ])('%s after --profile %s reads %s', (arg, given, expected) => {
    expect(form(arg, given, [...BUILTIN_PROFILE_IDS, 'my-api'])).toBe(expected);
  });

  it('keeps every profile given, as written: a list, several --profile options, capitals', () => {
    expect(form('jsonapi', ['hal,envelope'])).toBe('(--profile hal,envelope,jsonapi)');
    expect(form('jsonapi', ['hal', 'envelope'])).toBe('(--profile hal,envelope,jsonapi)');
    expect(form('JSONAPI', [' HAL , '])).toBe('(--profile HAL,JSONAPI)');
  });

  it('with no --profile given, says --profile turns it on, and names no other profile', () => {
    expect(strayArgumentHint('hal', BUILTIN_PROFILE_IDS, [])).toBe(
      '"hal" looks like a profile: --profile turns it on (--profile hal)',
    );
  });
});
