import { headerValues, listMembers } from './headers';
import type { Header } from './types';

/**
 * Whether a response says `Cache-Control: no-store` (RFC 9111 §5.2.2.5): no cache may keep any
 * part of it, so nothing of it can be reused or revalidated later. Directive by directive (a
 * `no-store` inside another directive's quoted value is not one), over every Cache-Control line.
 */
export function forbidsStoring(responseHeaders: readonly Header[]): boolean {
  return headerValues(responseHeaders, 'cache-control').some((v) =>
    listMembers(v).some((d) => d.toLowerCase() === 'no-store'),
  );
}
