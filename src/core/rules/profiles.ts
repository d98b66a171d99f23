import { PROFILE_IDS, type ProfileId } from './types';

/** What the options page and `status-lens --profile` show for a convention profile. */
export interface ProfileInfo {
  id: ProfileId;
  name: string;
  /** One line saying what the profile checks. */
  summary: string;
  /** Where the convention is written down. */
  standardUrl: string;
}

const BY_ID: Readonly<Record<ProfileId, ProfileInfo>> = {
  problem: {
    id: 'problem',
    name: 'Problem Details (RFC 9457)',
    summary:
      'Errors are application/problem+json objects with well-typed members that agree with the HTTP status.',
    standardUrl: 'https://www.rfc-editor.org/rfc/rfc9457',
  },
  hal: {
    id: 'hal',
    name: 'HAL',
    summary:
      'Successes are application/hal+json with well-formed _links (self links included) and _embedded resources.',
    standardUrl: 'https://datatracker.ietf.org/doc/html/draft-kelly-json-hal',
  },
  envelope: {
    id: 'envelope',
    name: 'JSON envelope',
    summary:
      'Everything is application/json; errors and msg are arrays, 4xx/5xx carry errors, 202 carries a queue_token, statuses are documented ones.',
    // The envelope is a house convention with no published spec; RFC 8259 defines the JSON it is written in.
    standardUrl: 'https://www.rfc-editor.org/rfc/rfc8259',
  },
};

/** Every profile, in PROFILE_IDS order. */
export const PROFILES: readonly ProfileInfo[] = PROFILE_IDS.map((id) => BY_ID[id]);

export function profileInfo(id: ProfileId): ProfileInfo {
  return BY_ID[id];
}
