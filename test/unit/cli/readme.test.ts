import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './cli-harness';

const readme = () => readFileSync(join(ROOT, 'README.md'), 'utf8');

describe('README for a newcomer', () => {
  it('opens with the two commands to run: install and build, then every test', () => {
    const lines = readme().split('\n');
    expect(lines.slice(2, 6)).toEqual([
      '```sh',
      expect.stringMatching(/^npm ci && npm run build\s+#/),
      expect.stringMatching(/^npm test\s+#/),
      '```',
    ]);
  });

  it('says how to install the CLI, and that the name status-lens is not ours on the registry, before any npx status-lens', () => {
    const text = readme();
    // An example runs it with something after: `npx status-lens lint …`, `npx status-lens --version`.
    const firstNpx = text.search(/npx status-lens [\w-]/);
    const warning = text.indexOf('the name `status-lens` is not ours there');
    const install = text.search(/^npm install --save-dev \.\/vendor\/status-lens-[^\s]+\.tgz$/m);
    expect(warning).toBeGreaterThan(-1);
    expect(install).toBeGreaterThan(-1);
    expect(warning).toBeLessThan(firstNpx);
    expect(install).toBeLessThan(firstNpx);
  });

  it('keeps the Performance history out of the README and links where it went', () => {
    const perf = /^## Performance\n([\s\S]*?)^## /m.exec(readme())![1]!;
    for (const log of ['this session', 'This round', 'Tried and dropped', 'Earlier:'])
      expect(perf).not.toContain(log);
    expect(perf).toContain('(docs/performance.md)');
    expect(readFileSync(join(ROOT, 'docs/performance.md'), 'utf8')).toContain('Tried and dropped');
  });
});
