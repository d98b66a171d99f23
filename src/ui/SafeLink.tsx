import type { ReactNode } from 'react';

/** True only for http(s) URLs: a `javascript:` or `data:` URL from a response is never made clickable. */
export function isSafeHref(href: string): boolean {
  try {
    const u = new URL(href);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

/** A link for http(s) URLs; anything else (from untrusted content) is shown as plain text. */
export function SafeLink({ href, children }: { href: string; children?: ReactNode }) {
  if (!isSafeHref(href)) return <span className="mono">{children ?? href}</span>;
  return (
    <a href={href} target="_blank" rel="noreferrer noopener">
      {children ?? href}
    </a>
  );
}
