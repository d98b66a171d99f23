import { isJsonObject, member, type JsonValue } from '../../json/walk';

// Whether a body is HAL at all: asked by the hal/* rules and by profile suggestions
// (core/profiles/signs.ts), so it lives outside the hal family's private helpers.

type JsonObject = Record<string, JsonValue>;

/** A HAL link object: an object with an `href` (whether that href is well typed is hal/link-shape's call). */
function isLinkObject(v: JsonValue | undefined): boolean {
  return isJsonObject(v) && member(v, 'href') !== undefined;
}

/**
 * Whether a JSON object that is not labelled application/hal+json is HAL at all. A `_links`
 * member alone is not enough: other conventions use that name too, such as Atlassian's
 * `"_links": {"self": "https://…"}` with plain URL strings. It takes positive evidence: a
 * relation under `_links` whose value is a link object (an object with `href`) or an array
 * holding one, or an `_embedded` member, a name no other common convention uses (so a
 * malformed one is still reported by hal/embedded-shape).
 */
export function looksLikeHal(root: JsonObject): boolean {
  if (member(root, '_embedded') !== undefined) return true;
  const links = member(root, '_links');
  if (!isJsonObject(links)) return false;
  return Object.keys(links).some((rel) => {
    const v = member(links, rel);
    return isLinkObject(v) || (Array.isArray(v) && v.some(isLinkObject));
  });
}
