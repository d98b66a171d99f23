import { describe, expect, it } from 'vitest';
import { httpMajorVersion } from '../../../src/core/exchange/protocol';

describe('httpMajorVersion', () => {
  it('reads the spellings recorders use', () => {
    const cases: [string, 1 | 2 | 3 | undefined][] = [
      ['HTTP/1.1', 1],
      ['http/1.0', 1],
      ['HTTP/2.0', 2],
      ['http/2', 2],
      ['h2', 2],
      ['h2c', 2],
      ['HTTP/3', 3],
      ['h3', 3],
      ['h3-29', 3],
      ['', undefined],
      ['unknown', undefined],
      ['HTTP/22', undefined],
    ];
    for (const [spelling, major] of cases) expect(httpMajorVersion(spelling), spelling).toBe(major);
  });
});
