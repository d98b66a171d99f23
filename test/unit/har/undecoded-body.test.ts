import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../../src/cli/args';
import { entryLinter } from '../../../src/cli/lint/entry';
import { LINT_OPTIONS, planLint } from '../../../src/cli/lint/options';
import { contentToBody, undecodedBodyNote } from '../../../src/core/har/body';
import { defaultSettings } from '../../../src/core/settings/schema';
import { ingestRequest } from '../../../src/surfaces/panel/ingest';
import { harEntry } from '../../helpers/har';
import { harEntry as cliHarEntry, ROOT } from '../cli/cli-harness';

const NOT_BASE64 = '%%%not base64%%%';
const J = { 'Content-Type': 'application/json' };

describe('a body recorded as base64 that does not decode: one wording, CLI and panel', () => {
  it('is said of that body only', () => {
    const note = undecodedBodyNote(contentToBody(NOT_BASE64, 'base64', 'application/json', 16));
    expect(note).toBe('The body is marked base64 but does not decode: analysed by headers only.');
    expect(undecodedBodyNote(contentToBody('e30=', 'base64', 'application/json', 2))).toBeUndefined();
    expect(undecodedBodyNote({ kind: 'unknown', reason: 'not-captured' })).toBeUndefined();
  });

  it('the CLI names the entry and the place, in those words', async () => {
    const io = { cwd: ROOT } as Parameters<typeof planLint>[1];
    const { plan } = await planLint(parseArgs(['x.har'], LINT_OPTIONS, 'lint'), io);
    const bytes = new TextEncoder().encode(
      JSON.stringify(cliHarEntry({ status: 200, headers: J, text: NOT_BASE64, encoding: 'base64' })),
    );
    const out = entryLinter(plan).lint({ index: 3, line: 7, offset: 0, bytes }, 0);
    expect(out.problems).toEqual([
      {
        kind: 'entry',
        index: 3,
        line: 7,
        path: 'log.entries[3].response.content.text',
        message: undecodedBodyNote({ kind: 'unknown', reason: 'decode-failed' }),
      },
    ]);
    // The entry is still linted, by its status and headers.
    expect(out.record?.status).toBe(200);
  });

  it("the panel's live capture notes it on the row, in the same words", async () => {
    const entry = harEntry({ url: 'https://api.test/x', status: 200, headers: J });
    entry.response.content.size = -1;
    delete (entry.response.content as { text?: string }).text;
    const r = await ingestRequest(
      { entry, getContent: async () => ({ text: NOT_BASE64, encoding: 'base64' }) },
      'l0',
      defaultSettings().capture.bodySizeCap,
    );
    if ('error' in r) throw new Error(r.error);
    expect(r.exchange.body).toEqual({ kind: 'unknown', reason: 'decode-failed' });
    expect(r.bodyNote).toBe(undecodedBodyNote(r.exchange.body));
  });
});
