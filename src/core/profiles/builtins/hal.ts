import type { ProfileDocument } from '../types';

export const hal: ProfileDocument = {
  id: 'hal',
  name: 'HAL',
  summary:
    'Successes are application/hal+json with well-formed _links (self links included) and _embedded resources.',
  source: 'https://datatracker.ietf.org/doc/html/draft-kelly-json-hal',
  scope: { apiCallsOnly: true },
  checks: [
    'hal/content-type',
    'hal/resource-root',
    'hal/link-shape',
    'hal/embedded-shape',
    'hal/self-link',
    'hal/templated',
  ],
};
