import type { ProfileDocument } from '../types';

export const problem: ProfileDocument = {
  id: 'problem',
  name: 'Problem Details (RFC 9457)',
  summary:
    'Errors are application/problem+json objects with well-typed members that agree with the HTTP status.',
  source: 'https://www.rfc-editor.org/rfc/rfc9457',
  scope: { apiCallsOnly: true },
  checks: [
    'problem/content-type',
    'problem/on-success',
    'problem/shape',
    'problem/status-match',
    'problem/title-detail',
    'problem/errors-shape',
    'problem/about-blank-title',
  ],
};
