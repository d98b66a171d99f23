import type { ProfileDocument } from '../types';

export const envelope: ProfileDocument = {
  id: 'envelope',
  name: 'JSON envelope',
  summary:
    'Everything is application/json; errors and msg are arrays, 4xx/5xx carry errors, 202 carries a queue_token, statuses are documented ones.',
  // The envelope is a house convention with no published spec; RFC 8259 defines the JSON it is written in.
  source: 'https://www.rfc-editor.org/rfc/rfc8259',
  scope: { apiCallsOnly: true },
  checks: [
    'envelope/json-only',
    'envelope/errors-list',
    'envelope/msg-list',
    'envelope/queue-token',
    'envelope/expected-status',
  ],
};
