import { describe, expect, it } from 'vitest';
import { activeRules, analyzeExchange } from '../../../../src/core/engine/analyze';
import { defaultSettings } from '../../../../src/core/settings';
import { makeExchange, type ExchangeSpec } from '../../../helpers/exchange';
import { aspNetValidationProblem, xmlProblem } from './aspnet';

/** The problem/* findings of one exchange with the problem profile on. */
function problemFindings(spec: ExchangeSpec): string[] {
  const rules = activeRules({ ...defaultSettings(), profiles: ['problem'] });
  const result = analyzeExchange(makeExchange(spec), rules);
  expect(result.problems).toEqual([]);
  return result.findings.filter((f) => f.rule.startsWith('problem/')).map((f) => f.rule);
}

describe('problem profile over real producers', () => {
  it("passes ASP.NET Core's ValidationProblemDetails as a whole", () => {
    expect(problemFindings(aspNetValidationProblem)).toEqual([]);
  });

  it('passes an application/problem+xml error, whose members it cannot read', () => {
    expect(problemFindings(xmlProblem)).toEqual([]);
  });

  it('passes a HEAD 404 and empty-bodied 401/405/412 errors', () => {
    expect(problemFindings({ method: 'HEAD', status: 404 })).toEqual([]);
    for (const status of [401, 405, 412]) expect(problemFindings({ status, body: null })).toEqual([]);
  });
});
