import { timedEntry } from './cli-harness';

/*
 * The reviewer's capture (all on https://api.acme.example): credentials one entry carries by
 * name, which other entries' URLs or session findings repeat. Shared by the lint and diff tests.
 */
export const token = 'Zq9xT4kLm2PwR7vB';
export const sid = 's3ss10nAbCdEf99';
export const session = 'S7kQ2mZx9LpW4vRt';
export const api = 'https://api.acme.example';
const json = 'application/json';
const answer = (status: number, text: string) => ({
  status,
  headers: { 'Content-Type': json },
  mimeType: json,
  text,
});

/** Three error formats on one API: session/mixed-error-formats quotes the others on #1 and #2. */
export const mixed = [
  timedEntry(0, 10, {
    url: `${api}/tokens/${token}`,
    requestHeaders: { Authorization: `Bearer ${token}` },
    ...answer(500, '{"error":"boom"}'),
  }),
  timedEntry(100, 10, {
    url: `${api}/sessions/${sid}/cart`,
    requestHeaders: { Cookie: `sid=${sid}` },
    ...answer(404, '{"detail":"no cart"}'),
  }),
  timedEntry(200, 10, { url: `${api}/other`, ...answer(400, '{"message":"bad"}') }),
];

/** A cart made with a session cookie, then fetched without it at the Location it was given. */
export const gone = [
  timedEntry(300, 10, {
    method: 'POST',
    url: `${api}/s/${session}/carts`,
    requestHeaders: { Cookie: `sid=${session}` },
    status: 201,
    headers: { Location: `/s/${session}/carts/7` },
  }),
  timedEntry(400, 10, { url: `${api}/s/${session}/carts/7`, status: 404 }),
];
