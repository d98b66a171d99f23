// The esbuild options that make the status-lens CLI bundle, shared by scripts/build-cli.mjs and
// the test that runs a freshly bundled CLI against a full disk.

/** @returns {import('esbuild').BuildOptions} */
export function cliBuildOptions(root, outfile, version) {
  return {
    absWorkingDir: root,
    entryPoints: ['src/cli/main.ts'],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: false,
    legalComments: 'none',
    banner: { js: '#!/usr/bin/env node' },
    define: { __STATUS_LENS_VERSION__: JSON.stringify(version) },
    logLevel: 'warning',
    // yaml's "node" export is CommonJS that require()s "process", which an ESM bundle cannot;
    // its ESM build is the one the extension ships, so the CLI and the panel parse alike.
    alias: { yaml: './node_modules/yaml/browser/index.js' },
  };
}
