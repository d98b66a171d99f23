import { describe, expect, it } from 'vitest';
import { matchExchange } from '../../../src/core/contract';
import { inlineContract } from '../../helpers/contracts';
import { makeExchange } from '../../helpers/exchange';

const ok = { '200': { description: 'ok' } };

// OpenAPI 3.x §4.8.9 / §4.8.10: a Path Item's and an Operation's `servers` replace the
// document's for that path or operation (uploads on their own host are the common case).
const doc = {
  openapi: '3.1.0',
  info: { title: 'servers', version: '1' },
  servers: [{ url: 'https://api.example.com/v1' }],
  paths: {
    '/pets': { get: { operationId: 'listPets', responses: ok } },
    '/files': {
      servers: [{ url: 'https://files.example.com' }],
      get: { operationId: 'listFiles', responses: ok },
      post: {
        operationId: 'uploadFile',
        servers: [{ url: 'https://upload.example.com/{version}', variables: { version: { default: 'u2' } } }],
        responses: ok,
      },
    },
    '/status': {
      get: { operationId: 'status', servers: [{ url: '/health' }], responses: ok },
    },
  },
};

const c = inlineContract(doc);
const at = (method: string, url: string) => {
  const m = matchExchange([c], makeExchange({ method, url }));
  return m?.kind === 'operation' ? m.operation.operationId : m?.kind;
};

describe('servers listed on a path item or an operation are honoured in matching', () => {
  it('document servers for the operations without their own', () => {
    expect(at('GET', 'https://api.example.com/v1/pets')).toBe('listPets');
    expect(at('GET', 'https://files.example.com/pets')).toBe('undocumented');
  });

  it("a path item's servers replace the document's for its operations", () => {
    expect(at('GET', 'https://files.example.com/files')).toBe('listFiles');
    // Not served on the document's host.
    expect(at('GET', 'https://api.example.com/v1/files')).toBe('undocumented');
  });

  it("an operation's servers replace its path item's (variables take their defaults)", () => {
    expect(at('POST', 'https://upload.example.com/u2/files')).toBe('uploadFile');
    expect(at('POST', 'https://files.example.com/files')).toBe('undocumented');
    expect(at('GET', 'https://upload.example.com/u2/files')).toBe('undocumented');
  });

  it('a relative operation server matches on any host by its path', () => {
    expect(at('GET', 'http://127.0.0.1:9000/health/status')).toBe('status');
  });

  it('hosts no server names are outside the description', () => {
    expect(at('GET', 'https://elsewhere.example.com/files')).toBeUndefined();
  });

  it('a base-URL override replaces the document servers; the operations’ own stay', () => {
    const staged = inlineContract(doc, { baseUrl: 'http://127.0.0.1:8080/api' });
    const m = (method: string, url: string) => {
      const r = matchExchange([staged], makeExchange({ method, url }));
      return r?.kind === 'operation' ? r.operation.operationId : r?.kind;
    };
    expect(m('GET', 'http://127.0.0.1:8080/api/pets')).toBe('listPets');
    expect(m('GET', 'https://api.example.com/v1/pets')).toBeUndefined();
    expect(m('GET', 'https://files.example.com/files')).toBe('listFiles');
  });
});
