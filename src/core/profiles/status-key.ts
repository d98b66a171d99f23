/**
 * A status as a profile writes it, in `statuses` lists and as a `headers` key: a code (404) or
 * a class as OpenAPI writes its response ranges ("4XX", also "4xx"). One reading for the
 * validator and the two checks that read them (expected-status, required-headers).
 */

/** "4XX" or "4xx" (any case): a status class, as OpenAPI's ranges and Status Lens' own families. */
const CLASS = /^([1-5])xx$/i;

/** A status code a profile may name: a whole number from 100 to 599. */
export const isStatusCode = (v: unknown): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= 100 && v <= 599;

/** Whether `v` is a class such as "4XX" ("4xx" too). */
export const isStatusClass = (v: unknown): v is string => typeof v === 'string' && CLASS.test(v);

/** A class as documented lists show it: upper case, as OpenAPI writes it ("4XX"). */
export const classOf = (status: number): string => `${Math.floor(status / 100)}XX`;

/** Whether a status or class ("429", 429, "4xx", "4XX") covers a status. */
export function statusKeyCovers(key: string | number, status: number): boolean {
  if (typeof key === 'number') return key === status;
  if (/^[1-5]\d\d$/.test(key)) return Number(key) === status;
  return isStatusClass(key) && key.toUpperCase() === classOf(status);
}
