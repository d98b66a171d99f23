import { describe, expect, it } from 'vitest';
import { parseByteSize } from '../../../src/cli/lint/options';
import { ProgressBar } from '../../../src/cli/lint/progress';
import { redactUrl } from '../../../src/core/export/redact';
import { sarifUri } from '../../../src/cli/lint/source';
import { safeText } from '../../../src/cli/terminal';
import { mdText } from '../../../src/core/report/markdown';
import { xmlAttr, xmlText } from '../../../src/core/report/xml';
import { parseXml } from './xml-check';

describe('parseByteSize', () => {
  it.each([
    ['0', 0],
    ['5242880', 5242880],
    ['5M', 5 * 1024 * 1024],
    ['512kb', 512 * 1024],
    ['1.5G', 1.5 * 1024 ** 3],
    [' 2 MB ', 2 * 1024 * 1024],
  ])('reads %j', (text, bytes) => expect(parseByteSize(text)).toBe(bytes));

  it.each([['lots'], ['-1'], ['5X'], [''], ['1e9']])('rejects %j', (text) =>
    expect(parseByteSize(text)).toBeUndefined(),
  );
});

describe('redactUrl', () => {
  const names = ['token', 'api_key', 'code'];
  it('replaces listed parameter values and keeps everything else byte for byte', () => {
    // A fragment route's own query is a query too (#14).
    expect(redactUrl('https://x.test/a?token=abc&q=a%20b+c&API_KEY=k#frag?token=1&x=2', names)).toBe(
      'https://x.test/a?token=[REDACTED]&q=a%20b+c&API_KEY=[REDACTED]#frag?token=[REDACTED]&x=2',
    );
  });
  it('matches percent-encoded names and leaves other URLs alone', () => {
    expect(redactUrl('https://x.test/?to%6Ben=s&q=1', names)).toBe('https://x.test/?to%6Ben=[REDACTED]&q=1');
    expect(redactUrl('https://x.test/path', names)).toBe('https://x.test/path');
    expect(redactUrl('https://x.test/?%zz=1', names)).toBe('https://x.test/?%zz=1');
  });
});

describe('sarifUri', () => {
  it('makes paths relative to the working directory with forward slashes and encoding', () => {
    expect(sarifUri('a b/c#d.har', '/repo')).toBe('a%20b/c%23d.har');
    expect(sarifUri('/repo/x/y.har', '/repo')).toBe('x/y.har');
    expect(sarifUri('../up.har', '/repo/sub')).toBe('../up.har');
  });

  it('gives a file outside the working directory named by an absolute path an absolute file: URI', () => {
    expect(sarifUri('/work/x y/a.har', '/repo')).toBe('file:///work/x%20y/a.har');
    expect(sarifUri('/repo-other/a.har', '/repo')).toBe('file:///repo-other/a.har');
    expect(sarifUri('/repo/..x/a.har', '/repo')).toBe('..x/a.har');
  });
});

describe('escaping', () => {
  it('shows terminal control characters instead of sending them', () => {
    expect(safeText('a\u001b[2Jb\u0007\u202e\n')).toBe('a\\x1b[2Jb\\x07\\u202e\\n');
  });

  it('makes Markdown inert', () => {
    expect(mdText('a|b`c<img src=x onerror=alert(1)>[l](javascript:x)\n*')).toBe(
      'a\\|b\\`c\\<img src=x onerror=alert\\(1\\)\\>\\[l\\]\\(javascript\\:x\\) \\*',
    );
  });

  it('writes XML that a strict reader accepts and reads back', () => {
    const hostile = `<a href="x">&amp; ' ]]> \u0000\u0008\ud800 \ud83d\ude00 \ufffe\ttab\nline`;
    const xml = `<r a="${xmlAttr(hostile)}">${xmlText(hostile)}</r>`;
    const el = parseXml(xml);
    const visible = `<a href="x">&amp; ' ]]> \\u0000\\u0008\\ud800 \ud83d\ude00 \\ufffe\ttab\nline`;
    expect(el.text).toBe(visible);
    // Tabs and line breaks survive in attributes because they are written as references.
    expect(el.attrs.a).toBe(visible);
  });
});

describe('ProgressBar', () => {
  it('redraws at most every 100 ms and clears its line', () => {
    let out = '';
    let now = 0;
    const bar = new ProgressBar(
      { write: (s: string) => (out += s) },
      'big.har',
      200 * 1024 * 1024,
      80,
      () => now,
    );
    now = 1000;
    bar.update(100 * 1024 * 1024, 10);
    now = 1050;
    bar.update(150 * 1024 * 1024, 20);
    expect(out.split('\r').filter(Boolean)).toHaveLength(1);
    expect(out).toContain(' 50% 100 MiB/200 MiB 10 entries');
    bar.clear();
    expect(out.endsWith('\r')).toBe(true);
  });

  it('counts one entry in the singular', () => {
    let out = '';
    const bar = new ProgressBar({ write: (s: string) => (out += s) }, 'big.har', 100, 80, () => 1000);
    bar.update(10, 1);
    expect(out).toMatch(/ 1 entry$/);
  });
});

describe('bidi controls in reports', () => {
  it('are shown as code points in SARIF and JUnit text', async () => {
    const { showInvisible } = await import('../../../src/core/report/tool');
    const { xmlText } = await import('../../../src/core/report/xml');
    expect(showInvisible('a\u202Eb')).toBe('aU+202Eb');
    expect(xmlText('x\u2066<y>')).toBe('xU+2066&lt;y&gt;');
  });
});
