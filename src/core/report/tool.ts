/** How reports name the tool, and where they point for more. */
export const TOOL_NAME = 'status-lens' as const;

/** Where a rule's documentation lives, relative to the repository root. */
export function ruleDocPath(id: string): string {
  return `docs/rules/${id}.md`;
}

/**
 * Bidi controls and invisible format characters (U+200B …) from recorded traffic can make a
 * URL or message read as something else in a report viewer (the "Trojan Source" trick); SARIF
 * and JUnit show them as U+XXXX instead.
 */
export { showInvisible } from '../text/bidi';

// Very long strings (data: URLs run to megabytes) are shortened with the one clip.
import { clip } from '../text/clip';

export { clip };

/**
 * The most of one recorded string (URL, method, status text, message) a machine-readable
 * report (JSON, SARIF, JUnit) carries: enough for any real URL, while a multi-megabyte
 * data: URL cannot blow up the report or the service it is uploaded to.
 */
export const MAX_REPORTED_TEXT = 4096;

/** `clip` at `MAX_REPORTED_TEXT`. */
export function clipReported(text: string): string {
  return clip(text, MAX_REPORTED_TEXT);
}

/**
 * A 128-bit FNV-1a-style digest as 32 hex characters: stable across runs and platforms, with
 * no crypto API (the panel and the CLI share this code). Used for SARIF fingerprints, where
 * only stability matters, not secrecy.
 */
export function stableHash(text: string): string {
  const seeds = [0x811c9dc5, 0x01000193 ^ 0x5bd1e995, 0x9e3779b9, 0x85ebca6b];
  return seeds
    .map((seed) => {
      let h = seed >>> 0;
      for (let i = 0; i < text.length; i++) {
        h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
        h = (h ^ (h >>> 13)) >>> 0;
      }
      return h.toString(16).padStart(8, '0');
    })
    .join('');
}
