import { describe, expect, it } from 'vitest';
import { originOfParts, splitUrl, urlOrigin } from '../../../src/core/exchange/url';

describe("a URL's origin, the one key rules group by", () => {
  it('is scheme://host[:port], lower-cased, as written', () => {
    expect(urlOrigin('https://API.Example.com/v1/users?x=1#f')).toBe('https://api.example.com');
    expect(urlOrigin('HTTP://localhost:8080')).toBe('http://localhost:8080');
    // A default port written out stays: the recorder wrote it so.
    expect(urlOrigin('https://api.example.com:443/x')).toBe('https://api.example.com:443');
    expect(urlOrigin('wss://api.example.com/socket')).toBe('wss://api.example.com');
  });

  it('leaves out user info: the same server with or without it is one origin', () => {
    expect(urlOrigin('https://user:pw@api.example.com/x')).toBe('https://api.example.com');
    expect(urlOrigin('https://a@b@api.example.com/x')).toBe('https://api.example.com');
  });

  it('is undefined for what is not scheme://…', () => {
    for (const junk of ['', '/relative/path', 'data:text/plain,hi', 'not a url']) {
      expect(urlOrigin(junk), junk).toBeUndefined();
    }
  });

  it('reads the same from parts already split (the rules that need the path too)', () => {
    const parts = splitUrl('https://User@API.example.com:8443/v1/x')!;
    expect(originOfParts(parts)).toBe('https://api.example.com:8443');
    expect(parts.path).toBe('/v1/x');
  });
});
