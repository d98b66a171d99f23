import { describe, expect, it } from 'vitest';
import { allEntries } from '../../../src/core/catalogue';
import { OBSOLETE_CODES } from '../../../src/core/catalogue/reason-phrases';
import rule from '../../../src/core/rules/http/status-obsolete';
import { analyzeExchange } from '../../../src/core/engine/analyze';
import { makeExchange } from '../../helpers/exchange';

/** The catalogue's standing and http/status-obsolete read one list (#13 item 10): they agree. */
describe('obsolete status codes', () => {
  const statusEntries = allEntries().filter((e) => typeof e.code === 'number');

  it('the catalogue marks exactly the codes the rule flags, each with the registry standing', () => {
    for (const e of statusEntries) {
      const code = e.code as number;
      const flagged = analyzeExchange(makeExchange({ status: code }), [{ rule }]).findings.length > 0;
      const retired = e.registry === 'unused' || e.registry === 'obsolete';
      expect({ code, flagged }).toEqual({ code, flagged: retired });
      if (retired) expect(e.registry).toBe(OBSOLETE_CODES.get(code)?.standing);
    }
  });

  it('has a catalogue entry for every listed code', () => {
    const codes = new Set(statusEntries.map((e) => e.code));
    for (const code of OBSOLETE_CODES.keys()) expect(codes.has(code)).toBe(true);
  });
});
