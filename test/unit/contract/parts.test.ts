import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkValue, docsFromFiles, isContractDoc, prepareDoc } from '../../../src/core/contract';
import { OPENAPI_FIXTURES } from '../../helpers/contracts';

const read = (f: string) => readFileSync(resolve(OPENAPI_FIXTURES, f), 'utf8');
/** The split description as a folder drop gives it: paths inside the folder. */
const folder = ['api.yaml', 'paths/order.yaml', 'schemas/order.yaml', 'common.yaml'].map((f) => ({
  name: `split/${f}`,
  text: read(`split/${f}`),
}));

describe('a description split across files, loaded in the extension (no file system)', () => {
  it('resolves relative $refs among the files loaded with it', () => {
    const docs = docsFromFiles(folder);
    expect(docs.map((d) => d.name)).toEqual(['split/api.yaml']);
    expect(docs[0]!.parts!.map((p) => p.name)).toEqual([
      'split/paths/order.yaml',
      'split/schemas/order.yaml',
      'split/common.yaml',
    ]);
    expect(isContractDoc(docs[0])).toBe(true);
    const r = prepareDoc(docs[0]!);
    if (!r.ok) throw new Error(r.problem.message);
    expect(r.contract.problems).toEqual([]);
    const op = r.contract.operations[0]!;
    expect(op).toMatchObject({ pathTemplate: '/orders/{id}', operationId: 'getOrder' });
    expect(op.responses.map((x) => x.key)).toEqual(['200', '404']);
    const v = checkValue(r.contract, op.responses[0]!.content![0]!.schema!, { id: 'nope', total: -1 });
    expect(v.map((x) => [x.pointer, x.keyword, x.schemaLocation])).toEqual([
      ['/id', 'format', 'schemas/order.yaml#/Order/properties/id/format'],
      ['/total', 'minimum', 'schemas/order.yaml#/Order/properties/total/minimum'],
    ]);
  });

  it('flat file names (a file picker) resolve when each name is unique', () => {
    const flat = [
      { name: 'api.yaml', text: read('split/api.yaml').replace('./paths/order.yaml', './order-path.yaml') },
      { name: 'order-path.yaml', text: read('split/paths/order.yaml') },
      { name: 'order.yaml', text: read('split/schemas/order.yaml') },
      { name: 'common.yaml', text: read('split/common.yaml') },
    ];
    const r = prepareDoc(docsFromFiles(flat)[0]!);
    if (!r.ok) throw new Error(r.problem.message);
    expect(r.contract.problems).toEqual([]);
    expect(r.contract.operations[0]!.disabled).toBeUndefined();
  });

  it('a file not loaded with it: the operation is disabled, naming the document, the $ref and its pointer', () => {
    const r = prepareDoc({
      name: 'api.yaml',
      text: read('split/api.yaml'),
      parts: [
        { name: 'paths/order.yaml', text: read('split/paths/order.yaml') },
        { name: 'common.yaml', text: read('split/common.yaml') },
      ],
    });
    if (!r.ok) throw new Error(r.problem.message);
    const p = r.contract.problems;
    expect(p.map((x) => [x.document, x.location])).toEqual([['api.yaml', '/paths/~1orders~1{id}/get']]);
    expect(p[0]!.message).toContain('$ref "../schemas/order.yaml#/Order" points into schemas/order.yaml');
    expect(p[0]!.message).toContain('not loaded: choose or drop it together with api.yaml');
    expect(p[0]!.message).toContain(
      '(at paths/order.yaml#/get/responses/200/content/application~1json/schema)',
    );
  });

  it('a path item in a file not loaded: the path is skipped, named with its pointer', () => {
    const r = prepareDoc({ name: 'api.yaml', text: read('split/api.yaml') });
    if (!r.ok) throw new Error(r.problem.message);
    expect(r.contract.problems).toEqual([
      {
        document: 'api.yaml',
        location: '/paths/~1orders~1{id}',
        message: expect.stringContaining('path /orders/{id} is skipped: $ref "./paths/order.yaml"'),
      },
    ]);
  });

  it('two same-named files it cannot tell apart are named, not guessed', () => {
    const r = prepareDoc({
      name: 'api.yaml',
      text: read('split/api.yaml'),
      parts: [
        { name: 'order.yaml', text: read('split/paths/order.yaml') },
        { name: 'order.yaml', text: read('split/schemas/order.yaml') },
      ],
    });
    if (!r.ok) throw new Error(r.problem.message);
    expect(r.contract.problems[0]!.message).toMatch(/2 files loaded with api\.yaml could be it/);
  });

  it('files none of which is a description are each returned, so preparing says what they are not', () => {
    const docs = docsFromFiles([{ name: 'common.yaml', text: read('split/common.yaml') }]);
    const r = prepareDoc(docs[0]!);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem.message).toContain('not an OpenAPI document');
  });
});
