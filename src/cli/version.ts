declare const __STATUS_LENS_VERSION__: string | undefined;

export const TOOL_NAME = 'status-lens';

/** Injected by scripts/build-cli.mjs from package.json; unbundled runs (tests) say so. */
export const TOOL_VERSION: string =
  typeof __STATUS_LENS_VERSION__ === 'string' ? __STATUS_LENS_VERSION__ : '0.0.0-dev';

/** Where SARIF viewers link the tool name to. */
export const TOOL_URI = 'https://github.com/status-lens/status-lens';

/** Where a rule's documentation lives, relative to the repository root. */
export function ruleDocPath(id: string): string {
  return `docs/rules/${id}.md`;
}
