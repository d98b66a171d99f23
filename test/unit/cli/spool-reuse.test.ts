import { describe, expect, it } from 'vitest';
import { FileSpools } from '../../../src/cli/lint/spool';
import { cli, harEntry, harText, writeScratch } from './cli-harness';

/**
 * A spool is replayed and then reused: JUnit keeps one spool of test cases and replays it into
 * each file's <testsuite>. The temporary file behind it is not truncated, so a replay that read
 * up to 1 MiB regardless of what the spool held gave a small file the test cases of a bigger
 * file before it (h2o_all-status-methods.har, then h2o_navmenu-ff.har: 1,329 test cases for 666
 * entries).
 */
describe('a file spool reused after a replay', () => {
  it('replays only what was written since the last replay', () => {
    const spools = new FileSpools();
    try {
      const spool = spools.factory();
      const big = 'x'.repeat(200_000); // over the 64 Ki buffer: written to the file
      spool.write(big);
      let first = '';
      spool.replayInto({ write: (s) => void (first += s) });
      expect(first).toBe(big);
      spool.write('small');
      let second = '';
      spool.replayInto({ write: (s) => void (second += s) });
      expect(second).toBe('small');
    } finally {
      spools.disposeAll();
    }
  });

  it('gives each JUnit suite its own test cases, a small file after a big one included', async () => {
    const many = Array.from({ length: 700 }, (_, i) =>
      harEntry({ url: `https://api.example.com/items/${i}?long=${'q'.repeat(80)}` }),
    );
    const big = writeScratch('big.har', harText(many));
    const small = writeScratch('small.har', harText([harEntry({ url: 'https://api.example.com/one' })]));
    const r = await cli(['lint', big, small, '--format', 'junit']);
    expect(r.stdout.match(/<testcase /g)?.length).toBe(701);
    const second = r.stdout.slice(r.stdout.lastIndexOf('<testsuite '));
    expect(second.match(/<testcase /g)?.length).toBe(1);
  });
});
