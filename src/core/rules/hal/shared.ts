import { isJsonObject, member, type JsonValue } from '../../json/walk';
import type { RuleContext } from '../types';
import { looksLikeHal } from '../shared/hal-shape';
import { BodyTally } from '../shared/body-tally';

export { looksLikeHal };

export const HAL_MEDIA_TYPE = 'application/hal+json';

const HAL_DRAFT = 'https://datatracker.ietf.org/doc/html/draft-kelly-json-hal';

export function halDraft(section: string): { label: string; url: string } {
  return { label: `draft-kelly-json-hal §${section}`, url: `${HAL_DRAFT}#section-${section}` };
}

type Path = (string | number)[];
type JsonObject = Record<string, JsonValue>;

export interface HalResource {
  value: JsonObject;
  /** Where the resource sits in the body; [] for the top-level resource. */
  path: Path;
}

/** Levels of `_embedded` followed before giving up; real APIs nest a handful. */
export const MAX_EMBED_DEPTH = 32;
/** Resources visited per body at most, so a huge collection stays fast. */
export const MAX_RESOURCES = 10_000;

/**
 * The top-level resource when the body is HAL: a JSON object served as application/hal+json
 * (which claims HAL, so it is held to it in full), or any other JSON object that looksLikeHal()
 * (plenty of HAL APIs send plain application/json). Every body rule of the profile asks this
 * one question, so they agree on which bodies are HAL.
 */
export function halRoot(ctx: RuleContext): JsonObject | undefined {
  if (ctx.json.kind !== 'ok' || !isJsonObject(ctx.json.value)) return undefined;
  const root = ctx.json.value;
  return ctx.mediaType === HAL_MEDIA_TYPE || looksLikeHal(root) ? root : undefined;
}

/**
 * The top-level resource and every embedded one, in document order. Walks with an explicit
 * stack (bodies can nest `_embedded` thousands deep) and stops at MAX_EMBED_DEPTH levels
 * and MAX_RESOURCES resources.
 */
export function halResources(ctx: RuleContext): HalResource[] {
  const root = halRoot(ctx);
  if (!root) return [];
  const out: HalResource[] = [];
  const stack: { value: JsonObject; path: Path; depth: number }[] = [{ value: root, path: [], depth: 0 }];
  while (stack.length > 0 && out.length < MAX_RESOURCES) {
    const node = stack.pop()!;
    out.push({ value: node.value, path: node.path });
    if (node.depth >= MAX_EMBED_DEPTH) continue;
    const embedded = member(node.value, '_embedded');
    if (!isJsonObject(embedded)) continue;
    const children: { value: JsonObject; path: Path; depth: number }[] = [];
    // Collecting more children than can ever be visited would only waste memory on huge arrays.
    const room = MAX_RESOURCES - out.length - stack.length;
    const depth = node.depth + 1;
    for (const rel of Object.keys(embedded)) {
      if (children.length >= room) break;
      const v = member(embedded, rel);
      if (isJsonObject(v)) children.push({ value: v, path: [...node.path, '_embedded', rel], depth });
      else if (Array.isArray(v)) {
        for (let i = 0; i < v.length && children.length < room; i++) {
          const item = v[i];
          if (isJsonObject(item))
            children.push({ value: item, path: [...node.path, '_embedded', rel, i], depth });
        }
      }
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return out;
}

export interface HalLink {
  /** The relation name, e.g. "self" or "next". */
  rel: string;
  /** The link value as found: ideally a link object. */
  value: JsonValue;
  path: Path;
}

/** Every link value under a resource's `_links`, array members flattened. Nothing when `_links` is not an object. */
export function halLinks(resource: HalResource): HalLink[] {
  const links = member(resource.value, '_links');
  if (!isJsonObject(links)) return [];
  const out: HalLink[] = [];
  for (const rel of Object.keys(links)) {
    const v = member(links, rel);
    if (v === undefined) continue;
    const base = [...resource.path, '_links', rel];
    if (Array.isArray(v)) v.forEach((item, i) => out.push({ rel, value: item, path: [...base, i] }));
    else out.push({ rel, value: v, path: base });
  }
  return out;
}

const TOP_LEVEL_RESOURCE = 'the top-level resource';

/** "the top-level resource" or "the embedded resource at /_embedded/items/0", for messages. */
export function resourceName(path: Path, pointer: string): string {
  return path.length === 0 ? TOP_LEVEL_RESOURCE : `the embedded resource at ${pointer}`;
}

/**
 * A HAL rule's tally of one kind of fault (shared/body-tally.ts), naming the body's top level
 * as the resource it is. `cut`: halResources stopped at MAX_RESOURCES, so counts say "at least".
 */
export function halTally(resources: readonly HalResource[]): BodyTally {
  return new BodyTally(resources.length >= MAX_RESOURCES, TOP_LEVEL_RESOURCE);
}
