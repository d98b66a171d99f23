/** Words for bytes in error messages. */

import { OPEN_ARR, OPEN_OBJ, QUOTE } from './bytes';
import { quoteChar } from '../../text/quote-char';

export function describeByte(c: number): string {
  return c >= 0x21 && c <= 0x7e
    ? quoteChar(String.fromCharCode(c))
    : `byte 0x${c.toString(16).padStart(2, '0')}`;
}

export function kindOfValue(c: number): string {
  if (c === OPEN_OBJ) return 'an object';
  if (c === OPEN_ARR) return 'an array';
  if (c === QUOTE) return 'a string';
  if (c === 0x74 || c === 0x66) return 'a boolean';
  if (c === 0x6e) return 'null';
  if (c === 0x2d || (c >= 0x30 && c <= 0x39)) return 'a number';
  return `${describeByte(c)}`;
}
