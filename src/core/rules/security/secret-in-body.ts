import { firstFew } from '../../text/first-few';
import { forbidsStoring } from '../../exchange/cache-control';
import type { JsonValue } from '../../json/walk';
import { defineRule, type Report } from '../types';
import { defineDetector } from '../../leaks/hints';
import { hasHint, scanBody } from '../../leaks/scan';
import {
  findSensitiveMembers,
  hasExpiryMember,
  isSchemaDocument,
  isTokenName,
  parentOf,
  SENSITIVE_NAME_HINTS,
} from '../../secrets/members';
import {
  findJwts,
  findSecrets,
  JWT_HINTS,
  maskJwt,
  maskSecret,
  SECRET_HINTS,
  SECRET_LABELS,
  type SecretKind,
} from '../../secrets/patterns';
import { withArticle } from '../../text/article';

/** Enough to make the point without flooding the panel when a body dumps a whole keyring. */
const MAX_FINDINGS = 5;

interface Secret {
  kind: SecretKind;
  masked: string;
}

/** Finds nothing itself: tells whether a body's text names a credential member anywhere. */
const CREDENTIAL_NAMES = defineDetector<never>(() => [], SENSITIVE_NAME_HINTS, { ignoreCase: true });

const SECRETS = defineDetector<Secret>(
  (s) =>
    findSecrets(s, MAX_FINDINGS).map((f) => ({
      kind: f.kind,
      masked: maskSecret(f.kind, s.slice(f.index, f.index + f.length)),
    })),
  SECRET_HINTS,
);

const JWTS = defineDetector<string>(
  (s) => findJwts(s, MAX_FINDINGS).map((f) => maskJwt(s.slice(f.index, f.index + f.length))),
  JWT_HINTS,
);

/**
 * The subject of a message. The pointer travels beside it and every surface shows it ("at
 * /access" in the CLI, "→ /access" in the panel), so the message does not name it again, as
 * security/internal-error-details.
 */
function where(pointer: string | undefined): string {
  return pointer === undefined ? 'The body' : 'A body member';
}

function report(message: string, pointer: string | undefined, severity?: 'info'): Report {
  const r: Report = { message };
  if (pointer !== undefined) r.pointer = pointer;
  if (severity) r.severity = severity;
  return r;
}

/**
 * Why a credential looks handed out on purpose, or undefined: an expiry member beside it
 * (`expires_in`, `expires_at`, STS `Expiration`), or a token member (`access_token`, `token`…)
 * in a response marked Cache-Control: no-store, which RFC 6749 §5.1 requires of token responses.
 * no-store alone is not enough: some frameworks send it on every response.
 */
export function issuedBecause(
  root: JsonValue | undefined,
  pointer: string | undefined,
  noStore: boolean,
): string | undefined {
  if (root === undefined || pointer === undefined) return undefined;
  const at = parentOf(root, pointer);
  if (!at) return undefined;
  if (hasExpiryMember(at.parent)) return 'an expiry member sits next to it';
  if (noStore && isTokenName(at.key)) return 'a token member in a Cache-Control: no-store response';
  return undefined;
}

/** The report for one vendor-format credential. */
export function secretReport(
  kind: SecretKind,
  masked: string,
  pointer: string | undefined,
  issued?: string,
): Report {
  const what = `${where(pointer)} holds ${withArticle(SECRET_LABELS[kind])} (${masked})`;
  if (kind === 'google-api-key') {
    return report(
      `${what}. Google API keys are often public browser keys (a Firebase web config, Maps); make sure it is restricted to your apps and APIs`,
      pointer,
      'info',
    );
  }
  if (issued !== undefined) {
    return report(
      `${what} that this response seems to issue on purpose (${issued}); fine for a token endpoint, but keep the response out of caches, logs and URLs`,
      pointer,
      'info',
    );
  }
  return report(`${what}; rotate it and stop returning it`, pointer);
}

/** One JWT finding: `members`, when several members of the body hold alike JWTs, names them all. */
function jwtReport(
  value: string,
  issued: string | undefined,
  pointer: string | undefined,
  members?: string[],
): Report {
  const holds = members
    ? `${members.length} body members (${firstFew(members, 3)}) hold JWTs (${value})`
    : `${where(pointer)} holds a JWT (${value})`;
  const message =
    issued === undefined
      ? `${holds}. Fine if this endpoint issues ${members ? 'them' : 'it'} (then send Cache-Control: no-store); otherwise stop returning ${members ? 'them' : 'it'}`
      : `${holds} that this response seems to issue on purpose (${issued})`;
  return report(message, pointer, 'info');
}

export default defineRule({
  id: 'security/secret-in-body',
  group: 'core',
  severity: 'warning',
  otherSeverities: [
    { severity: 'info', when: 'for credentials issued on purpose, JWTs and Google API keys' },
  ],
  description:
    'Responses must not carry credentials such as API keys, private keys, passwords or their hashes. Credentials a response issues on purpose, JWTs and Google browser keys are info.',
  source: { label: 'CWE-200', url: 'https://cwe.mitre.org/data/definitions/200.html' },
  check(ctx): Report[] {
    const root = ctx.json.kind === 'ok' ? ctx.json.value : undefined;
    const store = forbidsStoring(ctx.exchange.responseHeaders);
    const out: Report[] = [];
    const seen = new Set<string>();
    // Name and JWT matches skip members a vendor format already reported; a string holding two
    // vendor-format credentials still gets two findings.
    const add = (r: Report, dedupe = true) => {
      if (out.length >= MAX_FINDINGS || (dedupe && r.pointer !== undefined && seen.has(r.pointer))) return;
      if (r.pointer !== undefined) seen.add(r.pointer);
      out.push(r);
    };

    for (const { value, pointer } of scanBody(ctx, SECRETS, MAX_FINDINGS)) {
      add(secretReport(value.kind, value.masked, pointer, issuedBecause(root, pointer, store)), false);
    }

    if (
      root !== undefined &&
      out.length < MAX_FINDINGS &&
      hasHint(ctx, CREDENTIAL_NAMES) &&
      !isSchemaDocument(root, ctx.mediaType)
    ) {
      for (const hit of findSensitiveMembers(root, MAX_FINDINGS)) {
        // The pointer names the member (shown beside the message): give the length without an
        // article to get wrong ("a 8-character").
        const what = `${where(hit.pointer)} is named like a credential; its value (${hit.length} characters) is not shown`;
        add(
          hasExpiryMember(hit.parent)
            ? report(
                `${what}. This response seems to issue it on purpose (an expiry member sits next to it): keep the response out of caches and logs`,
                hit.pointer,
                'info',
              )
            : report(`${what}; stop returning it, and rotate it if it is a live secret`, hit.pointer),
        );
      }
    }

    // JWTs of one body that read alike (same masked start, same reason to think them issued: an
    // access and a refresh token) are one finding naming their members, not two identical lines.
    const jwts = new Map<string, { value: string; issued?: string; pointers: string[]; bare: boolean }>();
    for (const { value, pointer } of scanBody(ctx, JWTS, MAX_FINDINGS)) {
      if (pointer !== undefined && seen.has(pointer)) continue;
      const issued = issuedBecause(root, pointer, store);
      const key = `${value}\u0000${issued ?? ''}`;
      const group = jwts.get(key) ?? { value, issued, pointers: [], bare: false };
      if (pointer === undefined) group.bare = true;
      else if (!group.pointers.includes(pointer)) group.pointers.push(pointer);
      jwts.set(key, group);
    }
    for (const { value, issued, pointers, bare } of jwts.values()) {
      if (bare) add(jwtReport(value, issued, undefined));
      if (pointers.length === 1) add(jwtReport(value, issued, pointers[0]));
      else if (pointers.length > 1) add(jwtReport(value, issued, pointers[0], pointers));
    }
    return out;
  },
});
