import { describe, expect, it } from 'vitest';
import { deepHal } from './deep';

describe('deepHal test helper', () => {
  it('really nests _embedded 10,000 levels deep', () => {
    let node: unknown = JSON.parse(deepHal(10_000));
    let depth = 0;
    while (typeof node === 'object' && node !== null && '_embedded' in node) {
      node = (node as { _embedded: { child: unknown } })._embedded.child;
      depth++;
    }
    expect(depth).toBe(10_000);
    expect(node).toEqual({ _links: { self: { href: '/leaf' } } });
  });

  it('leaves the root without self when asked', () => {
    const root = JSON.parse(deepHal(3, { rootSelf: false })) as Record<string, unknown>;
    expect(root._links).toBeUndefined();
  });
});
