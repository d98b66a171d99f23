export type HintKind = 'vendor' | 'auth' | 'retry';

export interface Hint {
  kind: HintKind;
  text: string;
  /** The catalogue entry the hint points to (a status code or a net::ERR_* name), when there is one. */
  ref?: number | string;
}
