declare const __STATUS_LENS_VERSION__: string | undefined;

export { TOOL_NAME, ruleDocPath } from '../core/report/tool';

/** Injected by scripts/build-cli.mjs from package.json; unbundled runs (tests) say so. */
export const TOOL_VERSION: string =
  typeof __STATUS_LENS_VERSION__ === 'string' ? __STATUS_LENS_VERSION__ : '0.0.0-dev';
