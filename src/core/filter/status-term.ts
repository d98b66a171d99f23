import { statusFamily, type StatusFamily } from '../exchange/family';

/*
 * The values `status:` takes besides comparisons (`404`, `4xx`, `400-499`, `failed`): which are
 * valid, read by the parser, and what each matches, read by the matcher.
 */

export function validStatusValue(value: string): boolean {
  return /^(failed|[1-5]xx|\d+|\d+-\d+)$/i.test(value);
}

export function matchStatus(value: string, status: number): boolean {
  const v = value.toLowerCase();
  if (v === 'failed') return status === 0;
  if (/^[1-5]xx$/.test(v)) return statusFamily(status) === (v as StatusFamily);
  if (/^\d+$/.test(v)) return status === Number(v);
  const range = /^(\d+)-(\d+)$/.exec(v);
  if (range) return status >= Number(range[1]) && status <= Number(range[2]);
  return false;
}
