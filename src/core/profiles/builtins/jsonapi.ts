import type { ProfileDocument } from '../types';

export const jsonapi: ProfileDocument = {
  id: 'jsonapi',
  name: 'JSON:API 1.1',
  summary:
    'Everything is application/vnd.api+json; documents hold data, errors or meta (never data with errors); errors and resources are well formed.',
  source: 'https://jsonapi.org/format/1.1/',
  scope: { apiCallsOnly: true },
  mediaTypes: { success: ['application/vnd.api+json'], error: ['application/vnd.api+json'] },
  checks: [
    'jsonapi/media-type-parameters',
    'jsonapi/top-level',
    'jsonapi/error-status',
    'jsonapi/resource-identity',
  ],
};
