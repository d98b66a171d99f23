import { hasHeader } from '../../exchange/headers';
import { defineRule, type Report, type Rule } from '../../rules/types';
import type { ProfileDocument } from '../types';
import { profileSource, profileSubject } from './shared';

/** Whether a key of `headers` ("429", "4xx") covers a status. */
export function statusKeyCovers(key: string, status: number): boolean {
  if (/^[1-5]\d\d$/.test(key)) return Number(key) === status;
  const m = /^([1-5])xx$/i.exec(key);
  return m !== null && Math.floor(status / 100) === Number(m[1]);
}

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
