import { hasHeader } from '../../exchange/headers';
import { defineRule, type Report, type Rule } from '../../rules/types';
import type { ProfileDocument } from '../types';
import { statusKeyCovers } from '../status-key';
import { profileSource, profileSubject } from './shared';

/** `<profile>/required-headers`: a response carries the headers the profile requires for its status. */
export function requiredHeadersCheck(doc: ProfileDocument): Rule | undefined {
  const required = doc.headers;
  if (!required || Object.keys(required).length === 0) return undefined;
  return defineRule({
    id: `${doc.id}/required-headers`,
    group: doc.id,
    severity: 'warning',
    headerOnly: true,
    description: `Responses carry the headers ${doc.name} requires for their status.`,
    source: profileSource(doc),
    check({ exchange }) {
      const out: Report[] = [];
      // Every key covering the status counts: a 429 needs the 429 list and the 4XX list (they
      // add up, as statuses' lists do; unlike OpenAPI's responses, where 429 would replace 4XX).
      for (const [key, names] of Object.entries(required)) {
        if (!statusKeyCovers(key, exchange.status)) continue;
        for (const name of names) {
          if (!hasHeader(exchange.responseHeaders, name)) {
            out.push({
              message: `${exchange.status} response has no ${name} header, which ${profileSubject(doc)} requires on ${key}`,
            });
          }
        }
      }
      return out;
    },
  });
}
