import { describe, expect, it } from 'vitest';
import { dynamicCodeSites } from '../helpers/dynamic-code';

// The dist bundle's CSP check (test/e2e/dist-hygiene.test.ts) rests on this finder.
describe('finding run-time code generation in a bundle', () => {
  it.each([
    'eval(s)',
    'x = eval("1+1")',
    '(0, eval)(s)',
    'window.eval(s)',
    'globalThis.eval(s)',
    'self["eval"](s)',
    'new Function("a", "return a")',
    'Function("return this")()',
    'new globalThis.Function(s)',
    'setTimeout("alert(1)", 0)',
    'setInterval(`tick()`, 10)',
    'function f(){return 1}eval(code)',
  ])('finds %s', (code) => {
    expect(dynamicCodeSites(code)).toHaveLength(1);
  });

  it.each([
    // What re2js ships: a method named eval, defined and called on its own objects.
    'class P{eval(t,n){return this.subs[0].eval(t,n)}}',
    'if(!this.prefilter.eval(e,t))return null',
    'const o = { eval: 1, Function: 2 }; o.eval; o.Function',
    'setTimeout(() => run(), 0)',
    'const s = "eval(x) and new Function(y)"',
    'function F(){} new F()',
  ])('leaves %s alone', (code) => {
    expect(dynamicCodeSites(code)).toEqual([]);
  });
});
