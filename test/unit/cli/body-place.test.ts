import { describe, expect, it } from 'vitest';
import { RULE_IDS } from '../../../src/core/rules/registry';
import { cli, harEntry, harText, writeScratch } from './cli-harness';

/**
 * Where in the body a finding points reads the same in every format: the pointer, or "the top
 * level of the body" for the empty pointer (the whole document), never "(body)" in one format
 * and "the body" in another.
 */
describe('the body place of a finding, in every format', () => {
  const rules: Record<string, string> = {};
  for (const id of RULE_IDS) rules[id] = 'off';
  const config = writeScratch('hal.json', {
    version: 1,
    profiles: ['hal'],
    rules: { ...rules, 'hal/resource-root': 'error', 'hal/link-shape': 'error' },
  });
  const file = writeScratch(
    'hal.har',
    harText([
      harEntry({ headers: { 'Content-Type': 'application/hal+json' }, text: '[1, 2]' }),
      harEntry({
        url: 'https://api.example.com/orders/1',
        headers: { 'Content-Type': 'application/hal+json' },
        text: JSON.stringify({ _links: { self: 'orders/1' } }),
      }),
    ]),
  );
  const lint = (format: string) => cli(['lint', '-f', format, '-c', config, file, '--fail-on', 'none']);

  it.each(['text', 'sarif', 'junit'])(
    '%s: "(at the top level of the body)", and "(at" the pointer")" otherwise',
    async (format) => {
      const r = await lint(format);
      expect(r.stdout).toContain('(at the top level of the body)');
      expect(r.stdout).toContain('(at /_links/self)');
      expect(r.stdout).not.toMatch(/\(at the body\)|\(body\)/);
    },
  );

  it('markdown: the place in its Where column', async () => {
    const r = await lint('markdown');
    expect(r.stdout).toMatch(/\| hal\/resource-root \|.*\| the top level of the body \|/);
    expect(r.stdout).toMatch(/\| hal\/link-shape \|.*\| \/\\_links\/self \|/);
  });
});
