/** The extension's version from package.json, injected by vite.config.ts at build time. */
declare const __STATUS_LENS_VERSION__: string;
