import { describe, expect, it } from 'vitest';
import { errorFormat } from '../../../src/core/rules/session/error-format';
import { sessionView } from '../../../src/core/session/view';
import { makeExchange } from '../../helpers/exchange';

/**
 * The session view carries an error answer's body across threads (--jobs) only as far as
 * session/mixed-error-formats reads it: a JSON body whole, anything else by its start. The
 * format must come out the same from the view as from the exchange.
 */
const filler = (n: number) => 'x'.repeat(n);
const cases: { name: string; type: string; body: string }[] = [
  {
    name: 'a large HTML 500 page',
    type: 'text/html',
    body: `<!DOCTYPE html><html><body><h1>Oops</h1>${'<p>filler</p>'.repeat(5000)}</body></html>`,
  },
  { name: 'HTML labelled text/plain', type: 'text/plain', body: `<html><body>${filler(5000)}</body></html>` },
  { name: 'long plain text', type: 'text/plain', body: `Internal Server Error ${filler(5000)}` },
  {
    name: 'XML without an XML type',
    type: 'application/octet-stream',
    body: `<?xml version="1.0"?><error>${filler(5000)}</error>`,
  },
  {
    name: 'a JSON error envelope past 200 characters',
    type: 'application/json',
    body: JSON.stringify({ message: filler(300), code: 42 }),
  },
  {
    name: 'JSON labelled text/plain',
    type: 'text/plain',
    body: JSON.stringify({ errors: [{ detail: filler(400) }] }),
  },
  {
    name: 'JSON after 250 spaces (read as nothing)',
    type: 'text/plain',
    body: `${' '.repeat(250)}{"error":"x"}`,
  },
  {
    name: 'JSON larger than what is parsed',
    type: 'application/json',
    body: JSON.stringify({ error: filler(20_000) }),
  },
  {
    name: 'problem details',
    type: 'application/problem+json',
    body: JSON.stringify({ title: 'Bad', status: 400, detail: filler(500) }),
  },
];

describe('session view: error bodies', () => {
  for (const c of cases) {
    it(`keeps what gives ${c.name} its format`, () => {
      const ex = makeExchange({ status: 500, headers: { 'Content-Type': c.type }, body: c.body });
      const view = sessionView(ex);
      expect(errorFormat(view)).toEqual(errorFormat(ex));
      expect(view.body.kind === 'text' && view.body.size).toBe(ex.body.kind === 'text' && ex.body.size);
    });
  }

  it('sends a large non-JSON error page as its first 200 characters', () => {
    const ex = makeExchange({
      status: 502,
      headers: { 'Content-Type': 'text/html' },
      body: `<html>${filler(300_000)}</html>`,
    });
    const view = sessionView(ex);
    expect(view.body.kind === 'text' && view.body.text.length).toBe(200);
    expect(errorFormat(view)?.label).toBe('HTML');
  });
});
