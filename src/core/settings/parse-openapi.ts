import type { OpenApiRef, Settings } from './schema';
import { unknownKeys } from './parse-unknown-keys';
import { isJsonObject as isObject } from '../json/walk';

/** The members of an `openapi` entry's object form (`off`: the options page's switch, same word). */
export const OPENAPI_ENTRY_KEYS: readonly string[] = ['file', 'baseUrl', 'off'];
const OPENAPI_ENTRY = `{ ${OPENAPI_ENTRY_KEYS.map((k) => `"${k}"`).join(', ')} }`;

/**
 * `openapi`: files, or objects with a base URL and the switch. An entry `"off": true` is kept
 * but not loaded, as a description switched off on the options page is.
 */
export function parseOpenApi(list: unknown, s: Settings, errors: string[]): void {
  if (!Array.isArray(list)) {
    errors.push(`openapi: expected an array of files or ${OPENAPI_ENTRY} objects`);
    return;
  }
  const refs: OpenApiRef[] = [];
  list.forEach((v: unknown, i) => {
    if (typeof v === 'string' && v.trim() !== '') refs.push({ file: v });
    else if (isObject(v) && typeof v.file === 'string' && v.file.trim() !== '') {
      unknownKeys(`openapi[${i}]`, v, OPENAPI_ENTRY_KEYS, errors);
      const ref: OpenApiRef = { file: v.file };
      if (Object.hasOwn(v, 'baseUrl')) {
        if (typeof v.baseUrl === 'string') ref.baseUrl = v.baseUrl;
        else errors.push(`openapi[${i}].baseUrl: expected a URL string`);
      }
      if (Object.hasOwn(v, 'off')) {
        if (v.off === true) ref.off = true;
        else if (v.off !== false) errors.push(`openapi[${i}].off: expected true or false`);
      }
      refs.push(ref);
    } else errors.push(`openapi[${i}]: expected a file name or ${OPENAPI_ENTRY}`);
  });
  s.openapi = refs;
}
