import { posix } from 'node:path';

/**
 * The relative link and image targets of a Markdown page, as a reader's viewer resolves them
 * (the file part only: `#anchor` and `?query` dropped). Inline `[text](target)` and
 * `![alt](target)`, reference definitions `[label]: target`, and HTML `src`/`href`; code (fenced
 * blocks and inline spans) is not read, and targets with a scheme (`https:`, `mailto:`) or only
 * an anchor are left out.
 */
export function relativeTargets(markdown: string): string[] {
  const prose = markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '').replace(/(`+)[\s\S]*?\1/g, '');
  const targets = [
    ...[...prose.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+["'(][^)]*)?\)/g)].map((m) => m[1]!),
    ...[...prose.matchAll(/^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/gm)].map((m) => m[1]!),
    ...[...prose.matchAll(/<(?:img|a|source)\b[^>]*?\s(?:src|href)\s*=\s*["']([^"']+)["']/gi)].map(
      (m) => m[1]!,
    ),
  ];
  return targets
    .filter((t) => !/^[a-z][a-z0-9+.-]*:/i.test(t) && !t.startsWith('#') && !t.startsWith('//'))
    .map((t) => decodeURIComponent(t.replace(/[#?].*$/, '')))
    .filter((t) => t !== '');
}

/**
 * Where `target`, linked from the page at `page` (both relative to the package root, with `/`),
 * points inside the package; undefined when it leaves the package.
 */
export function resolveTarget(page: string, target: string): string | undefined {
  const joined = target.startsWith('/') ? target.slice(1) : posix.join(posix.dirname(page), target);
  const normal = posix.normalize(joined).replace(/\/$/, '');
  return normal === '..' || normal.startsWith('../') ? undefined : normal;
}
