import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without type declarations
import { exitCode, readAudit, shippedPackages } from '../../scripts/audit.mjs';

const root = resolve(import.meta.dirname, '../..');
const lock = JSON.parse(readFileSync(resolve(root, 'package-lock.json'), 'utf8'));
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8'));

interface Shipped {
  name: string;
  version: string;
}

/**
 * Everything `npm audit --omit=dev` looks at, pinned: adding a runtime dependency (directly or
 * through a new transitive one) must be a reviewed change to this list, made after `npm run audit`.
 */
describe('shipped dependencies', () => {
  // @cfworker/json-schema and yaml read OpenAPI descriptions (#15): an interpreting validator, so
  // no code generation under the MV3 CSP. re2js runs user regexes in linear time (#14).
  it('are exactly React, its scheduler, zustand, TanStack Virtual, the OpenAPI readers and re2js', () => {
    expect(shippedPackages(lock).map((p: Shipped) => p.name)).toEqual([
      '@cfworker/json-schema',
      '@tanstack/react-virtual',
      '@tanstack/virtual-core',
      're2js',
      'react',
      'react-dom',
      'scheduler',
      'yaml',
      'zustand',
    ]);
    expect(Object.keys(pkg.dependencies).sort()).toEqual([
      '@cfworker/json-schema',
      '@tanstack/react-virtual',
      're2js',
      'react',
      'react-dom',
      'yaml',
      'zustand',
    ]);
  });

  it('carry the versions the lockfile resolved', () => {
    for (const p of shippedPackages(lock) as Shipped[]) {
      expect(p.version).toBe(lock.packages[`node_modules/${p.name}`].version);
    }
  });

  it('leave out dev tools and type-only peers', () => {
    const fakeLock = {
      packages: {
        '': { name: 'x' },
        'node_modules/react': { version: '19.0.0' },
        'node_modules/vite': { version: '8.0.0', dev: true },
        'node_modules/@types/react': { version: '19.0.0', devOptional: true },
        'node_modules/a/node_modules/b': { version: '1.0.0' },
      },
    };
    expect(shippedPackages(fakeLock)).toEqual([
      { name: 'b', version: '1.0.0' },
      { name: 'react', version: '19.0.0' },
    ]);
  });
});

describe('npm run audit: reading npm audit --json', () => {
  it('passes a report with no vulnerabilities', () => {
    const clean = {
      auditReportVersion: 2,
      vulnerabilities: {},
      metadata: { vulnerabilities: { info: 0, low: 0, moderate: 0, high: 0, critical: 0, total: 0 } },
    };
    const result = readAudit(JSON.stringify(clean));
    expect(result).toEqual({ status: 'clean' });
    expect(exitCode(result)).toBe(0);
  });

  it('fails a report with advisories and names each one', () => {
    const vulnerable = {
      auditReportVersion: 2,
      vulnerabilities: {
        'react-dom': {
          name: 'react-dom',
          severity: 'moderate',
          via: [
            {
              source: 1001,
              name: 'react-dom',
              title: 'XSS in server rendering',
              url: 'https://github.com/advisories/GHSA-xxxx-xxxx-xxxx',
              severity: 'moderate',
              range: '<16.4.2',
            },
          ],
          range: '<16.4.2',
        },
        'some-wrapper': { name: 'some-wrapper', severity: 'moderate', via: ['react-dom'] },
      },
    };
    const result = readAudit(JSON.stringify(vulnerable));
    expect(result.status).toBe('vulnerable');
    expect(result.advisories).toEqual([
      {
        name: 'react-dom',
        severity: 'moderate',
        title: 'XSS in server rendering',
        url: 'https://github.com/advisories/GHSA-xxxx-xxxx-xxxx',
        range: '<16.4.2',
      },
    ]);
    expect(exitCode(result)).toBe(1);
  });

  it('never calls an unanswered audit clean', () => {
    // What npm 11 prints when a proxy refuses the advisory endpoint's POST.
    const refused = {
      message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
      method: 'POST',
      statusCode: 405,
      body: '',
      error: { summary: '', detail: '' },
    };
    const result = readAudit(JSON.stringify(refused));
    expect(result.status).toBe('unreachable');
    expect(result.reason).toContain('HTTP 405');
    expect(exitCode(result)).toBe(2);

    expect(readAudit('').status).toBe('unreachable');
    expect(readAudit('npm ERR! network').status).toBe('unreachable');
    expect(readAudit('null').status).toBe('unreachable');
    expect(readAudit(JSON.stringify({ error: { summary: 'ENOTFOUND' } }))).toEqual({
      status: 'unreachable',
      reason: 'ENOTFOUND',
    });
  });
});
