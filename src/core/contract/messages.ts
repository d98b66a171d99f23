import { listOf } from '../text/list';

/**
 * The validator's messages speak of an "Instance" ("Instance type "string" is invalid. Expected
 * "integer".") — JSON Schema's word, not an API developer's. The finding already names the
 * member (its JSON Pointer) and the schema location, so these say only what is wrong with it,
 * in the words of the panel and the other rules: "expected integer, got string". Values from
 * the body are never quoted (they may be secrets); the schema's own values (enum, const) are.
 * A message with no rewrite here passes through as the validator wrote it, without its final
 * period, as the other findings end.
 */
const REWRITES: readonly [RegExp, (m: RegExpExecArray) => string][] = [
  [
    /^Instance type "([^"]*)" is invalid\. Expected "(.*)"\.$/s,
    (m) => `expected ${oneOf(m[2]!)}, got ${m[1]}`,
  ],
  [/^Instance does not have required property "(.*)"\.$/s, (m) => `required member "${m[1]}" is missing`],
  [/^Instance does not match any of (.*)\.$/s, (m) => `not one of the allowed values ${m[1]}`],
  [/^Instance does not match any subschemas\.$/, () => 'matches none of the anyOf schemas'],
  [
    /^Instance does not match exactly one subschema \((\d+) matches\)\.$/,
    (m) => `matches ${m[1]} of the oneOf schemas; exactly one must match`,
  ],
  [/^Instance matched "not" schema\.$/, () => 'matches the schema under "not", which it must not'],
  [
    /^Instance has "(.*)" but does not have "(.*)"\.$/s,
    (m) => `has member "${m[1]}" but not "${m[2]}", which must come with it`,
  ],
  [/^Instance does not have at least (\d+) properties\.$/, (m) => `has fewer than ${m[1]} members`],
  [/^String does not match format "(.*)"\.$/s, (m) => `not a valid ${m[1]} (format "${m[1]}")`],
  [/^String does not match pattern\.$/, () => 'does not match the pattern'],
  [
    /^String is too short \((\d+) < (\d+)\)\.$/,
    (m) => `${m[1]} characters, fewer than the minimum of ${m[2]}`,
  ],
  [/^String is too long \((\d+) > (\d+)\)\.$/, (m) => `${m[1]} characters, more than the maximum of ${m[2]}`],
  [
    /^Array has too few items \((\d+) < (\d+)\)\.$/,
    (m) => `${m[1]} items, fewer than the minimum of ${m[2]}`,
  ],
  [
    /^Array has too many items \((\d+) > (\d+)\)\.$/,
    (m) => `${m[1]} items, more than the maximum of ${m[2]}`,
  ],
  [
    /^Duplicate items at indexes (\d+) and (\d+)\.$/,
    (m) => `items ${m[1]} and ${m[2]} are equal, and the schema wants unique items`,
  ],
  // Last: the other "does not match" messages would match it too.
  [/^Instance does not match (.*)\.$/s, (m) => `not the value ${m[1]} the schema requires (const)`],
];

/** `"string", "null"` → `string or null`. */
function oneOf(types: string): string {
  return listOf(types.split('", "'), 'or');
}

export function plainViolationMessage(keyword: string, message: string): string {
  // cfworker words maxProperties like minProperties ("does not have at least N properties").
  if (keyword === 'maxProperties') {
    const m = /(\d+) properties\.$/.exec(message);
    if (m) return `has more than ${m[1]} members`;
  }
  for (const [re, to] of REWRITES) {
    const m = re.exec(message);
    if (m) return to(m);
  }
  return message.replace(/\.$/, '');
}
