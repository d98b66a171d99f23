import { jsonPointer } from '../../json/pointer';
import { isJsonObject, member } from '../../json/walk';
import { clip } from '../../text/clip';
import { firstFew } from '../../text/first-few';
import { countOf } from '../../text/plural';
import { defineRule, type Report } from '../types';
import { halDraft, halResources, MAX_RESOURCES, resourceName, type HalResource } from './shared';

/** Resources a summary names before counting the rest: enough to find the pattern in the body. */
const MAX_NAMED = 3;
/** An `_embedded` relation is any string, so a named place is clipped. */
const MAX_PLACE = 80;

interface Missing {
  resource: HalResource;
  /** True when the resource has no _links at all; false when its _links lacks "self". */
  noLinks: boolean;
}

/** The finding for one resource: the pointer names it (or its _links), the message what is missing. */
function oneReport({ resource, noLinks }: Missing): Report {
  const pointer = jsonPointer(resource.path);
  if (!noLinks) {
    return {
      message: `${resourceName(resource.path, pointer)} has _links but no "self"`,
      pointer: jsonPointer([...resource.path, '_links']),
    };
  }
  // An embedded resource is named by the finding's pointer; the message does not repeat it.
  if (resource.path.length === 0) return { message: 'the top-level resource has no _links, so no self link' };
  return { message: 'the embedded resource has no _links, so no self link', pointer };
}

const has = (n: number): string => (n === 1 ? 'has' : 'have');

/**
 * One finding for many resources (a collection whose items all lack it is one fault of the API,
 * not one per item: j1veracode_hal-findings.har's 12 findings): the count, what they lack, and
 * the first few places. No pointer: the message names them.
 */
function summary(missing: readonly Missing[], total: number, withoutLinks: number, cut: boolean): Report {
  // halResources lists the top-level resource first, so it is among the named when it lacks one.
  const embedded = missing.every((m) => m.resource.path.length > 0);
  const noun = embedded ? 'embedded resource' : 'resource';
  const places = missing.map((m) =>
    m.resource.path.length === 0 ? 'the top-level resource' : clip(jsonPointer(m.resource.path), MAX_PLACE),
  );
  const withoutSelf = total - withoutLinks;
  const what =
    withoutSelf === 0
      ? 'have no _links, so no self link'
      : withoutLinks === 0
        ? 'have _links but no "self"'
        : `have no self link (${withoutLinks} ${has(withoutLinks)} no _links, ${withoutSelf} ${has(withoutSelf)} _links but no "self")`;
  // A walk cut at MAX_RESOURCES counted only what it visited.
  return {
    message: `${cut ? 'at least ' : ''}${countOf(total, noun)} ${what}: ${firstFew(places, MAX_NAMED, total)}`,
  };
}

export default defineRule({
  id: 'hal/self-link',
  group: 'hal',
  severity: 'warning',
  description: 'Every HAL resource, embedded ones included, should link to itself with _links.self.',
  source: halDraft('8.1'),
  check(ctx) {
    // Only the first few are kept: a collection of 10,000 items is counted, not copied.
    const named: Missing[] = [];
    let total = 0;
    let withoutLinks = 0;
    const resources = halResources(ctx);
    for (const resource of resources) {
      const links = member(resource.value, '_links');
      // A non-object _links is hal/link-shape's finding; reporting it here too would be noise.
      const noLinks = links === undefined;
      if (!noLinks && !(isJsonObject(links) && member(links, 'self') === undefined)) continue;
      total++;
      if (noLinks) withoutLinks++;
      if (named.length < MAX_NAMED) named.push({ resource, noLinks });
    }
    if (total === 0) return [];
    return [
      total === 1
        ? oneReport(named[0]!)
        : summary(named, total, withoutLinks, resources.length >= MAX_RESOURCES),
    ];
  },
});
