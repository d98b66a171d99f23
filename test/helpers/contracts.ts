import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { prepareContract, type ContractSource, type PreparedContract } from '../../src/core/contract';

export const OPENAPI_FIXTURES = resolve(import.meta.dirname, '../fixtures/openapi');

/** Reads and prepares a description from test/fixtures/openapi; fails the test if it is rejected. */
export function fixtureContract(file: string, extra: Partial<ContractSource> = {}): PreparedContract {
  const path = resolve(OPENAPI_FIXTURES, file);
  const result = prepareContract(
    { name: file, text: readFileSync(path, 'utf8'), uri: pathToFileURL(path).href, ...extra },
    {
      loadRef: (uri) => {
        try {
          return readFileSync(new URL(uri), 'utf8');
        } catch {
          return undefined;
        }
      },
    },
  );
  if (!result.ok) throw new Error(`${file}: ${result.problem.location} ${result.problem.message}`);
  return result.contract;
}

/** Prepares a description written inline in a test (an object is serialised as JSON). */
export function inlineContract(doc: object | string, extra: Partial<ContractSource> = {}): PreparedContract {
  const text = typeof doc === 'string' ? doc : JSON.stringify(doc);
  const result = prepareContract({ name: 'inline.yaml', text, ...extra });
  if (!result.ok) throw new Error(`inline: ${result.problem.location} ${result.problem.message}`);
  return result.contract;
}

/**
 * A description whose GET operations on these paths each have a schema with a pattern RE2 cannot
 * run (a lookbehind): each operation loads but is disabled, with a load warning naming it.
 */
export function lookbehindSpec(paths: readonly string[]): string {
  const lines = ['openapi: 3.0.3', 'info: { title: Pets, version: "1" }', 'paths:'];
  for (const path of paths)
    lines.push(
      `  ${path}:`,
      '    get:',
      '      responses:',
      '        "200":',
      '          description: one pet',
      '          content:',
      '            application/json:',
      '              schema: { type: object, properties: { name: { type: string, pattern: "(?<=a)b" } } }',
    );
  return `${lines.join('\n')}\n`;
}

/**
 * imp.yaml: GET https://imp.io/i/{n} answering only `statuses` (a row of harText's, a 404,
 * is then contract/undocumented-status unless 404 is among them).
 */
export function impDescription(statuses: readonly number[] = [200]): { name: string; text: string } {
  const responses = statuses.map((s) => `"${s}": { description: s${s} }`).join(', ');
  return {
    name: 'imp.yaml',
    text: [
      'openapi: 3.0.3',
      'info: { title: Imp, version: "1" }',
      'servers: [{ url: "https://imp.io" }]',
      'paths:',
      '  /i/{n}:',
      '    get:',
      '      parameters: [{ name: n, in: path, required: true, schema: { type: string } }]',
      `      responses: { ${responses} }`,
    ].join('\n'),
  };
}
