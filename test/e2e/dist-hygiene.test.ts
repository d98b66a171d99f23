import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { unzipSync } from 'fflate';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs build script without type declarations
import { gzipSize, pageScripts, PANEL_BUDGET_GZIP, sourceMaps } from '../../scripts/report-size.mjs';
import { dynamicCodeSites } from '../helpers/dynamic-code';
import { DIST } from './harness/browser';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

// Documentation links the UI shows as text or opens in a new tab when the user clicks them.
// None is fetched by the extension: the CSP's connect-src/default-src 'self' forbids it.
const DOC_HOSTS = new Set([
  'www.rfc-editor.org',
  'datatracker.ietf.org',
  'www.iana.org',
  'fetch.spec.whatwg.org',
  'cwe.mitre.org',
  'developers.cloudflare.com',
  'docs.aws.amazon.com',
  'learn.microsoft.com',
  'nginx.org',
  'github.com',
  'source.chromium.org',
  'web.archive.org',
  'laravel.com',
  'enterprise.arcgis.com',
  'dev.twitter.com',
  'developer.mozilla.org',
  'owasp.org',
  'cheatsheetseries.owasp.org',
  'www.w3.org', // XML/SVG namespace identifiers inside React DOM, never loaded
  'react.dev', // React's minified error messages point there; they are text
  'graphql.github.io', // the GraphQL-over-HTTP specification (graphql profile)
  'jsonapi.org', // the JSON:API 1.1 specification (jsonapi profile)
  'api.example.com', // an RFC 2606 example host in scope hints ("https://api.example.com/v2/*")
  'api.example.net', // RFC 2606 too: the scope of the example profile the options page offers for download
  'stateless.co',
  'en.wikipedia.org', // its list of unofficial status codes records 509/598/599, which no vendor documents
  'tools.ietf.org',
  'json-schema.org',
  'spec.openapis.org', // the OpenAPI specification, cited by the contract/* rules
  'json.schemastore.org', // the SARIF $schema identifier in exported reports
  'google.aip.dev', // AIP-231 batch methods, cited by session/n-plus-one
  'aws.amazon.com', // the Builders' Library on backoff and jitter, cited by session/retry-without-backoff
  'openid.net', // OpenID Connect Core §3.1.2.6, defining the sign-in error codes the OAuth catalogue explains
]);

describe('the built extension keeps to itself', () => {
  const all = files(DIST);

  it('loads nothing from a remote origin: no remote script, style, font or image', () => {
    const remoteLoads: string[] = [];
    for (const f of all.filter((f) => /\.(html|css)$/.test(f))) {
      const text = readFileSync(f, 'utf8');
      for (const m of text.matchAll(
        /(?:src|href)\s*=\s*["']?(https?:)?\/\/[^"'\s>]+|url\(\s*["']?(?:https?:)?\/\/[^)]+\)|@import\s+["']?(?:https?:)?\/\//g,
      )) {
        remoteLoads.push(`${relative(DIST, f)}: ${m[0]}`);
      }
    }
    expect(remoteLoads).toEqual([]);
  });

  it('mentions only documentation hosts in its code', () => {
    const unknown = new Set<string>();
    for (const f of all.filter((f) => f.endsWith('.js') || f.endsWith('.json'))) {
      for (const m of readFileSync(f, 'utf8').matchAll(/https?:\/\/([a-z0-9.-]+\.[a-z]{2,})/gi)) {
        if (!DOC_HOSTS.has(m[1]!.toLowerCase())) unknown.add(`${relative(DIST, f)}: ${m[0]}`);
      }
    }
    expect([...unknown]).toEqual([]);
  });

  it('forbids remote connections and inline script with its content security policy', () => {
    const manifest = JSON.parse(readFileSync(join(DIST, 'manifest.json'), 'utf8')) as {
      content_security_policy: { extension_pages: string };
    };
    const csp = manifest.content_security_policy.extension_pages;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|https?:/);
  });

  it('ships no source maps and keeps the panel under its size budget', () => {
    expect(sourceMaps(DIST)).toEqual([]);
    const size = gzipSize(DIST, pageScripts(DIST, 'src/surfaces/panel/panel.html')) as number;
    expect(size).toBeGreaterThan(10_000);
    expect(size).toBeLessThan(PANEL_BUDGET_GZIP);
  });

  it('generates no code at run time: no eval, Function constructor or string timer', () => {
    // Parsed, not grepped: bundled re2js has methods named eval (`prefilter.eval(…)`), which are
    // not the global one. The finder's own tests: test/unit/dynamic-code.test.ts.
    const js = all.filter((f) => f.endsWith('.js'));
    expect(js.length).toBeGreaterThan(3);
    const offenders = js.flatMap((f) => dynamicCodeSites(readFileSync(f, 'utf8'), relative(DIST, f)));
    expect(offenders).toEqual([]);
  });

  it('packs into a store-ready zip with the manifest at its root', () => {
    const dir = mkdtempSync(join(tmpdir(), 'status-lens-zip-'));
    try {
      const out = join(dir, 'ext.zip');
      execFileSync(process.execPath, ['scripts/zip.mjs', '--out', out]);
      const entries = unzipSync(readFileSync(out));
      const names = Object.keys(entries);
      expect(names).toContain('manifest.json');
      expect(names).toContain('src/surfaces/panel/panel.html');
      expect(names.filter((n) => n.endsWith('.map'))).toEqual([]);
      expect(names.length).toBe(all.length);
      expect(JSON.parse(new TextDecoder().decode(entries['manifest.json']))).toMatchObject({
        manifest_version: 3,
        name: 'Status Lens',
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
