/** `cors`: which part of the CORS check a response (or a preflight) fails, read from its headers. */
export type HintKind = 'vendor' | 'auth' | 'retry' | 'cors';

export interface Hint {
  kind: HintKind;
  text: string;
  /** The catalogue entry the hint points to (a status code or a net::ERR_* name), when there is one. */
  ref?: number | string;
}
