import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');

async function lintCore(code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: ROOT });
  const [result] = await eslint.lintText(code, { filePath: resolve(ROOT, 'src/core/probe.ts') });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('core purity lint', () => {
  it('rejects Node globals and built-in modules in src/core', async () => {
    const messages = await lintCore(
      "import { readFileSync } from 'fs';\nimport { join } from 'node:path';\n" +
        "export const probe = [Buffer.from(process.env.X ?? ''), readFileSync, join, require];\n",
    );
    for (const name of ['Buffer', 'process', 'require']) {
      expect(
        messages.some((m) => m.startsWith('no-restricted-globals') && m.includes(`'${name}'`)),
        name,
      ).toBe(true);
    }
    expect(messages.filter((m) => m.startsWith('no-restricted-imports'))).toHaveLength(2);
  }, 60_000);

  it('lets pure code through', async () => {
    expect(await lintCore('export const double = (n: number): number => n * 2;\n')).toEqual([]);
  }, 60_000);
});
