import { isKnownEmpty } from '../../exchange/media';
import { jsonPointer } from '../../json/pointer';
import { isJsonObject, member, type JsonValue } from '../../json/walk';
import { BodyTallies, type BodyTally } from '../../rules/shared/body-tally';
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

/**
 * A kind of fault: a required member missing, a member of none of its types, an item that is no
 * object, at one place of the shape (`errors[*]`: every item of "errors" is one place). Two
 * objects that lack "detail" at one place are one kind; at another, or lacking "title", another.
 */
type Fault =
  | { kind: 'missing'; name: string }
  | { kind: 'type'; name: string; types: SchemaType[] }
  | { kind: 'notObject'; name: string };

interface ShapeIssue {
  fault: Fault;
  /** Tells kinds apart: the fault, its member and the place in the shape, indices left out. */
  key: string;
  path: Path;
  report: () => Report;
}

/** Where in the shape a body path is: indices left out, so every item of a list is one place. */
const shapePlace = (path: Path): string =>
  path.map((p) => (typeof p === 'number' ? '*' : jsonPointer([p]))).join('');

/** Every way `obj` falls short of `shape`, its items' objects included, lazily, in the body's order. */
function* shapeIssues(
  obj: Record<string, JsonValue>,
  shape: ObjectShape,
  path: Path,
  words: ShapeWords,
): Generator<ShapeIssue> {
  for (const name of shape.required ?? []) {
    if (member(obj, name) === undefined) {
      const where = path.length === 0 ? words.body : 'the object';
      yield {
        fault: { kind: 'missing', name },
        key: `missing\u0000${name}\u0000${shapePlace(path)}`,
        path,
        report: () => ({
          message: `${where} has no "${name}" member, which ${words.subject} requires`,
          ...(path.length ? { pointer: jsonPointer(path) } : {}),
        }),
      };
    }
  }
  for (const [name, spec] of Object.entries(shape.members ?? {})) {
    const v = member(obj, name);
    if (v === undefined) continue;
    const types = Array.isArray(spec.type) ? spec.type : [spec.type];
    const at = [...path, name];
    if (!types.some((t) => hasType(v, t))) {
      yield {
        fault: { kind: 'type', name, types },
        key: `type\u0000${shapePlace(at)}`,
        path: at,
        report: () => ({
          message: `"${name}" is ${describeValue(v)}, but ${words.subject} requires ${listOf(types.map(typeName), 'or')}`,
          pointer: jsonPointer(at),
        }),
      };
      continue;
    }
    if (spec.items && Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const item = v[i] as JsonValue;
        if (!isJsonObject(item)) {
          yield {
            fault: { kind: 'notObject', name },
            key: `notObject\u0000${shapePlace(at)}`,
            path: [...at, i],
            report: () => ({
              message: `${name}[${i}] is ${describeValue(item)}, not an object`,
              pointer: jsonPointer([...at, i]),
            }),
          };
        } else yield* shapeIssues(item, spec.items, [...at, i], words);
      }
    }
  }
}

/** What a summary says of one kind met at several places ("3 objects have no "detail" member, …"). */
function summary(fault: Fault, tally: BodyTally, subject: string): string {
  switch (fault.kind) {
    case 'missing':
      return `${tally.counted('object')} have no "${fault.name}" member, which ${subject} requires`;
    case 'type':
      return `${tally.counted('object')} have a "${fault.name}" that is not ${listOf(fault.types.map(typeName), 'or')}, which ${subject} requires`;
    case 'notObject':
      return `${tally.counted('item')} of "${fault.name}" are not objects`;
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
      // One finding per body and kind of fault (rules/shared/body-tally.ts): 500 validation items
      // without "detail" are one fault of the API, not 500.
      const subject = profileSubject(doc);
      const out = new BodyTallies<Fault>();
      const words = { body: `${exchange.status} ${kind} body`, subject };
      for (const issue of shapeIssues(json.value, shape, [], words)) {
        out.add(issue.fault, issue.path, issue.report, issue.key);
      }
      return out.done((fault, tally) => summary(fault, tally, subject));
    },
  });
}
