import { hasHeader } from '../../exchange/headers';
import { carriesContent } from '../../exchange/media';
import { defineRule, type Rule } from '../../rules/types';
import { listOf } from '../../text/list';
import type { ProfileDocument } from '../types';
import { outcome, profileSource, profileSubject } from './shared';

/** `<profile>/media-type`: successes and errors with content are served as the media types the profile lists. */
export function mediaTypeCheck(doc: ProfileDocument): Rule | undefined {
  const wanted = doc.mediaTypes;
  if (!wanted || (!wanted.success?.length && !wanted.error?.length)) return undefined;
  const lists = {
    success: wanted.success?.map((m) => m.toLowerCase()),
    error: wanted.error?.map((m) => m.toLowerCase()),
  };
  return defineRule({
    id: `${doc.id}/media-type`,
    group: doc.id,
    severity: 'warning',
    headerOnly: true,
    description: `Responses with content are served as the media types ${doc.name} lists for successes and errors.`,
    source: profileSource(doc),
    check({ exchange, mediaType }) {
      const kind = outcome(exchange.status);
      const list = kind && lists[kind];
      if (!list?.length || !carriesContent(exchange) || list.includes(mediaType)) return [];
      let found: string;
      if (mediaType !== '') found = `Content-Type ${mediaType}`;
      else if (hasHeader(exchange.responseHeaders, 'content-type')) found = 'an empty Content-Type';
      else found = 'no Content-Type';
      return [
        {
          message: `${exchange.status} ${kind} is served with ${found}; ${profileSubject(doc)} serves ${kind === 'success' ? 'successes' : 'errors'} as ${listOf(list, 'or')}`,
        },
      ];
    },
  });
}
