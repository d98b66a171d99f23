/**
 * One operation's `responses`, read for prepare.ts: each status or range with its headers and
 * media types, their schemas handed to the SchemaPreparer.
 */
import { isJsonObject as isObj } from '../json/walk';
import { jsonPointer } from '../json/pointer';
import type { JsonValue } from '../json/walk';
import { describeValue } from '../json/describe';
import { follow, type DocumentSet, type Located } from './refs';
import type { SchemaPreparer } from './schema';
import type { PreparedHeader, PreparedMedia, PreparedOperation, PreparedResponse } from './types';

type Obj = Record<string, unknown>;

/** A media type without its parameters, lower-cased: `Application/JSON; charset=utf-8` → `application/json`. */
function mediaKey(key: string): string {
  return (key.split(';')[0] ?? '').trim().toLowerCase();
}

/** `a string ("nope")`, `an array of 2 items`, `null`: what stands where an object belongs. */
export function shapeOf(v: unknown): string {
  return describeValue(v as JsonValue);
}

/** Fills `op.responses`; returns why the operation cannot be checked, if a reference is broken. */
export function prepareResponses(
  op: PreparedOperation,
  at: Located,
  set: DocumentSet,
  schemas: SchemaPreparer,
  keys: string[],
  skipped: (location: string, message: string) => void,
): string | undefined {
  const responses = (at.value as Obj).responses;
  if (!isObj(responses)) return undefined;
  // The first reason the operation cannot be checked. Every response is still read: a broken
  // one must not hide the statuses after it, which would then read as undocumented.
  let broken: string | undefined;
  let notAnObject: string | undefined;
  for (const rawKey of Object.keys(responses)) {
    const key = rawKey.toUpperCase() === 'DEFAULT' ? 'default' : rawKey.toUpperCase();
    const pointer = at.pointer + jsonPointer(['responses', rawKey]);
    if (key !== 'default' && !/^[1-5](\d\d|XX)$/.test(key)) {
      if (!rawKey.startsWith('x-'))
        skipped(
          pointer,
          `${op.method} ${op.pathTemplate}: response ${rawKey} is skipped: a response is keyed by a status code (200), a range (2XX) or default`,
        );
      continue;
    }
    const r = follow(set, { value: responses[rawKey], uri: at.uri, pointer });
    if (!r.ok) {
      // Its status is documented; what it describes is unknown.
      broken ??= `${r.message} (at ${schemas.where(at.uri, pointer)})`;
      op.responses.push({ key, pointer, headers: [], content: undefined });
      continue;
    }
    // Its status is still documented (left out, it would read as undocumented), but what it
    // describes cannot be known: the operation is not checked against its responses.
    if (!isObj(r.at.value)) {
      notAnObject ??= `response ${rawKey} is not a Response Object but ${shapeOf(r.at.value)} (at ${schemas.where(r.at.uri, r.at.pointer)})`;
      op.responses.push({ key, pointer: r.at.pointer, headers: [], content: undefined });
      continue;
    }
    const resp: PreparedResponse = { key, pointer: r.at.pointer, headers: [], content: undefined };
    const headers = r.at.value.headers;
    if (isObj(headers)) {
      for (const name of Object.keys(headers)) {
        // OpenAPI: a Content-Type header definition is ignored (content says it).
        if (name.toLowerCase() === 'content-type') continue;
        const hPointer = r.at.pointer + jsonPointer(['headers', name]);
        const h = follow(set, { value: headers[name], uri: r.at.uri, pointer: hPointer });
        if (!h.ok) {
          broken ??= `${h.message} (at ${schemas.where(r.at.uri, hPointer)})`;
          continue;
        }
        if (!isObj(h.at.value)) continue;
        const header: PreparedHeader = { name, required: h.at.value.required === true };
        const schemaKey = schemas.add({
          value: h.at.value.schema,
          uri: h.at.uri,
          pointer: h.at.pointer + '/schema',
        });
        if (schemaKey !== undefined) {
          header.schema = schemaKey;
          keys.push(schemaKey);
        }
        resp.headers.push(header);
      }
    }
    const content = r.at.value.content;
    if (isObj(content)) {
      resp.content = [];
      for (const mt of Object.keys(content)) {
        const media: PreparedMedia = { mediaType: mediaKey(mt) };
        const m = content[mt];
        if (isObj(m)) {
          const schemaKey = schemas.add({
            value: m.schema,
            uri: r.at.uri,
            pointer: r.at.pointer + jsonPointer(['content', mt, 'schema']),
          });
          if (schemaKey !== undefined) {
            media.schema = schemaKey;
            keys.push(schemaKey);
          }
        }
        resp.content.push(media);
      }
    }
    op.responses.push(resp);
  }
  return broken ?? notAnObject;
}
