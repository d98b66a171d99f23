import { member } from '../../json/walk';

export const PROBLEM_MEDIA_TYPE = 'application/problem+json';
/** RFC 9457 Appendix B: the XML form of the same problem details object. */
export const PROBLEM_XML_MEDIA_TYPE = 'application/problem+xml';

/** Either media type RFC 9457 registers for problem details (JSON, §6.1; XML, Appendix B). */
export function isProblemMediaType(mediaType: string): boolean {
  return mediaType === PROBLEM_MEDIA_TYPE || mediaType === PROBLEM_XML_MEDIA_TYPE;
}

/** The standard members of a problem details object, RFC 9457 §3.1, in the RFC's order. */
const PROBLEM_MEMBERS = ['type', 'title', 'status', 'detail', 'instance'] as const;

/**
 * Whether a parsed JSON body reads as a problem details object whatever its media type: a
 * "title" with a "type" or a "status" (each optional in RFC 9457, but an error body with neither
 * pair is some other envelope: Spring Boot's `{"status", "error", "message"}` has no title).
 * session/mixed-error-formats calls such bodies one format with problem+json ones, and
 * problem/content-type tells a server that labels one application/json that only the label is wrong.
 */
export function isProblemDetails(body: unknown): boolean {
  return (
    member(body, 'title') !== undefined &&
    (member(body, 'type') !== undefined || member(body, 'status') !== undefined)
  );
}

/** The standard members a problem details object holds, in the RFC's order (for messages). */
export function problemMembersOf(body: unknown): string[] {
  return PROBLEM_MEMBERS.filter((k) => member(body, k) !== undefined);
}
