import { isKnownEmpty } from '../../exchange/media';
import { jsonPointer } from '../../json/pointer';
import { isJsonObject, member, type JsonValue } from '../../json/walk';
import { CappedReports } from '../../rules/shared/capped';
import { describeValue } from '../../json/describe';
import { defineRule, type Report, type Rule } from '../../rules/types';
import { withArticle } from '../../text/article';
import { listOf } from '../../text/list';
import type { ObjectShape, ProfileDocument, SchemaType } from '../types';
import { lacking, outcome, profileSource, profileSubject } from './shared';

/** A JSON type as a message names it: "an integer", "a string", and "null" (as describeValue says it). */
const typeName = (t: SchemaType): string => (t === 'null' ? 'null' : withArticle(t));

function hasType(v: JsonValue, type: SchemaType): boolean {
  switch (type) {
    case 'null':
      return v === null;
    case 'array':
      return Array.isArray(v);
    case 'object':
      return isJsonObject(v);
    case 'integer':
      return typeof v === 'number' && Number.isInteger(v);
    default:
      return typeof v === type;
  }
}

type Path = (string | number)[];

/**
 * What a message names: the body by its status and kind ("404 error body"), a nested object as
 * "the object" (the finding's pointer, shown beside it, says which), and whose convention it is.
 */
interface ShapeWords {
  body: string;
  subject: string;
}

/** Every way `obj` falls short of `shape`, one level of items deep (bounded by CappedReports' count). */
function* shapeIssues(
  obj: Record<string, JsonValue>,
  shape: ObjectShape,
  path: Path,
  words: ShapeWords,
): Generator<() => Report> {
  for (const name of shape.required ?? []) {
    if (member(obj, name) === undefined) {
      const where = path.length === 0 ? words.body : 'the object';
      yield () => ({
        message: `${where} has no "${name}" member, which ${words.subject} requires`,
        ...(path.length ? { pointer: jsonPointer(path) } : {}),
      });
    }
  }
  for (const [name, spec] of Object.entries(shape.members ?? {})) {
    const v = member(obj, name);
    if (v === undefined) continue;
    const types = Array.isArray(spec.type) ? spec.type : [spec.type];
    const at = [...path, name];
    if (!types.some((t) => hasType(v, t))) {
      yield () => ({
        message: `"${name}" is ${describeValue(v)}, but ${words.subject} requires ${listOf(types.map(typeName), 'or')}`,
        pointer: jsonPointer(at),
      });
      continue;
    }
    if (spec.items && Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const item = v[i] as JsonValue;
        if (!isJsonObject(item)) {
          yield () => ({
            message: `${name}[${i}] is ${describeValue(item)}, not an object`,
            pointer: jsonPointer([...at, i]),
          });
        } else yield* shapeIssues(item, spec.items, [...at, i], words);
      }
    }
  }
}

/** `<profile>/body-shape`: error and success bodies hold the members the profile requires, with their JSON types. */
export function bodyShapeCheck(doc: ProfileDocument): Rule | undefined {
  const shapes = doc.body;
  if (!shapes || (!shapes.error && !shapes.success)) return undefined;
  return defineRule({
    id: `${doc.id}/body-shape`,
    group: doc.id,
    severity: 'warning',
    description: `Bodies hold the members ${doc.name} requires, with the JSON types it gives them.`,
    source: profileSource(doc),
    // An error with no content (or none of the required members) breaks the profile's shape and is
    // reported here once, not again as the core rule's empty error, as problem/title-detail does
    // (issue #13: one defect, one finding). Only when errors require members: a shape of types
    // alone says nothing about an empty body.
    ...(shapes.error?.required?.length ? { supersedes: ['body/empty-error'] } : {}),
    check({ exchange, json, mediaType }) {
      const kind = outcome(exchange.status);
      const shape = kind && shapes[kind];
      if (!shape || exchange.method.toUpperCase() === 'HEAD') return [];
      if (kind === 'error' && shape.required?.length && isKnownEmpty(exchange)) {
        // The convention says every error explains itself; an empty one breaks it once, here.
        return [
          {
            message: `${exchange.status} error has no content, ${lacking(shape.required)}`,
          },
        ];
      }
      if (json.kind === 'none' || json.kind === 'invalid') {
        // A body that is not JSON holds none of the required members: the convention is broken.
        if (exchange.body.kind !== 'text' || !shape.required?.length) return [];
        const what =
          json.kind === 'invalid' ? 'not valid JSON' : `not JSON${mediaType ? ` (${mediaType})` : ''}`;
        return [
          {
            message: `${exchange.status} ${kind} body is ${what}, ${lacking(shape.required)}`,
          },
        ];
      }
      if (json.kind !== 'ok') return [];
      if (!isJsonObject(json.value)) {
        return [
          { message: `${exchange.status} ${kind} body is ${describeValue(json.value)}, not a JSON object` },
        ];
      }
      const out = new CappedReports();
      const words = { body: `${exchange.status} ${kind} body`, subject: profileSubject(doc) };
      for (const make of shapeIssues(json.value, shape, [], words)) out.add(make);
      return out.done(`members that do not match ${profileSubject(doc)}`);
    },
  });
}
