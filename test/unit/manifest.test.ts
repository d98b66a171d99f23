import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const manifest = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../../manifest.json'), 'utf8'),
) as Record<string, unknown>;

/**
 * Least privilege, pinned: widening any of this must be a deliberate, reviewed change to this
 * test, never a side effect. Monitoring without DevTools asks for webRequest and hosts at run
 * time, from the options page, so nothing beyond storage is granted at install.
 */
describe('manifest: least privilege', () => {
  it('asks for storage only at install', () => {
    // No unlimitedStorage: OpenAPI descriptions (20 MB and more) keep their text in the extension
    // origin's IndexedDB, which needs no permission; storage.local holds only a small index.
    expect(manifest.permissions).toEqual(['storage']);
  });

  it('keeps webRequest and host access optional, asked for at run time', () => {
    expect(manifest.optional_permissions).toEqual(['webRequest']);
    expect(manifest.optional_host_permissions).toEqual(['<all_urls>']);
  });

  it('holds no host permissions and injects nothing into pages', () => {
    expect(manifest).not.toHaveProperty('host_permissions');
    expect(manifest).not.toHaveProperty('content_scripts');
    expect(manifest).not.toHaveProperty('web_accessible_resources');
    expect(manifest).not.toHaveProperty('externally_connectable');
  });

  it('pins the extension pages’ content security policy', () => {
    expect(manifest.content_security_policy).toEqual({
      extension_pages:
        "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; img-src 'self' data: blob:; connect-src 'self'; worker-src 'self'",
    });
  });

  it('is Manifest V3 with a module service worker', () => {
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.background).toEqual({
      service_worker: 'src/surfaces/background/index.ts',
      type: 'module',
    });
  });
});
