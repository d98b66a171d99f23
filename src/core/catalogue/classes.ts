import type { StatusFamily } from '../exchange/family';

/** The five classes HTTP defines; `failed` and `unknown` are Status Lens's own families. */
export type StatusClass = Extract<StatusFamily, '1xx' | '2xx' | '3xx' | '4xx' | '5xx'>;

export interface StatusClassInfo {
  name: string;
  /** RFC 9110's one sentence on the class, in its words. */
  summary: string;
  /** Its section of RFC 9110 §15. */
  section: string;
  specUrl: string;
}

function info(name: string, summary: string, section: string): StatusClassInfo {
  return { name, summary, section, specUrl: `https://www.rfc-editor.org/rfc/rfc9110#section-${section}` };
}

/** RFC 9110 §15.2–§15.6 define the five classes (§15: the first digit names the class). */
export const STATUS_CLASSES: Readonly<Record<StatusClass, StatusClassInfo>> = {
  '1xx': info(
    'Informational',
    'An interim response, on connection status or request progress, before the final response.',
    '15.2',
  ),
  '2xx': info(
    'Successful',
    "The client's request was successfully received, understood and accepted.",
    '15.3',
  ),
  '3xx': info(
    'Redirection',
    'Further action needs to be taken by the user agent to fulfil the request.',
    '15.4',
  ),
  '4xx': info('Client Error', 'The client seems to have erred: the request needs changing.', '15.5'),
  '5xx': info('Server Error', 'The server is aware that it has erred or cannot perform the request.', '15.6'),
};

/** "4xx" or "4XX" (spaces around allowed) as the class it names; undefined for anything else. */
export function statusClassNamed(text: string): StatusClass | undefined {
  const s = text.trim().toLowerCase();
  return /^[1-5]xx$/.test(s) ? (s as StatusClass) : undefined;
}
