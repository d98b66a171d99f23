import { describe, expect, it } from 'vitest';
import { prettyMarkup } from '../../../src/surfaces/panel/detail/pretty';
import { expectLinearScaling } from '../../helpers/scaling';

describe('prettyMarkup: raw-text elements', () => {
  it('copies a script unchanged and closes it whatever the case of its end tag', () => {
    const out = prettyMarkup('<div><SCRIPT>if (a < b) x();</Script><p>hi</p></div>');
    expect(out.split('\n')).toEqual([
      '<div>',
      '  <SCRIPT>',
      'if (a < b) x();',
      '  </Script>',
      '  <p>',
      '    hi',
      '  </p>',
      '</div>',
    ]);
  });

  it('finds the close after text whose lower case is longer (İ lower-cases to two units)', () => {
    const out = prettyMarkup('<p>İİİİ</p><style>a{}</style><b>x</b>');
    expect(out.split('\n')).toEqual([
      '<p>',
      '  İİİİ',
      '</p>',
      '<style>',
      'a{}',
      '</style>',
      '<b>',
      '  x',
      '</b>',
    ]);
  });

  // A page of many small scripts was lower-cased whole once per script: quadratic.
  it('time grows linearly with the number of scripts on the page', { timeout: 60_000 }, () => {
    expectLinearScaling(
      (n) => '<html><body>' + '<script>var a = 1;</script><div>x</div>'.repeat(n) + '</body></html>',
      (page) => prettyMarkup(page),
      { n: 64, maxSize: 40_000 },
    );
  });
});
