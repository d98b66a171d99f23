import { clip } from '../text/clip';
import { nounFor } from '../text/plural';
import { jsonType, type JsonValue } from '../json/walk';
import { JSON_DIFF_DEFAULTS, type JsonValuePreview } from './json-diff-types';

export function previewJson(v: JsonValue, maxChars = JSON_DIFF_DEFAULTS.maxPreviewChars): JsonValuePreview {
  const type = jsonType(v);
  if (type === 'array') {
    const n = (v as JsonValue[]).length;
    return { type, text: `array, ${n.toLocaleString('en-US')} ${nounFor(n, 'item')}` };
  }
  if (type === 'object') {
    const n = Object.keys(v as object).length;
    return { type, text: `object, ${n.toLocaleString('en-US')} ${nounFor(n, 'member')}` };
  }
  // Scalars only: JSON.stringify of a string/number/boolean/null cannot recurse.
  return { type, text: clip(JSON.stringify(v), maxChars) };
}
