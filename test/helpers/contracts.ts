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
