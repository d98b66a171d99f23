import { isJsonObject } from '../json/walk';
export type SecretKind =
  | 'aws-access-key-id'
  | 'private-key'
  | 'slack-token'
  | 'github-token'
  | 'stripe-secret-key'
  | 'google-api-key'
  | 'openai-api-key'
  | 'sendgrid-api-key'
  | 'npm-token'
  | 'gitlab-token'
  | 'azure-account-key'
  | 'slack-webhook';

export interface SecretMatch {
  kind: SecretKind;
  /** UTF-16 offset of the secret in the scanned text. */
  index: number;
  length: number;
}

export const SECRET_LABELS: Readonly<Record<SecretKind, string>> = {
  'aws-access-key-id': 'AWS access key ID',
  'private-key': 'PEM private key',
  'slack-token': 'Slack token',
  'github-token': 'GitHub token',
  'stripe-secret-key': 'Stripe secret key',
  'google-api-key': 'Google API key',
  'openai-api-key': 'OpenAI API key',
  'sendgrid-api-key': 'SendGrid API key',
  'npm-token': 'npm access token',
  'gitlab-token': 'GitLab personal access token',
  'azure-account-key': 'Azure storage account key',
  'slack-webhook': 'Slack webhook URL',
};

/*
 * One alternation, one pass. Each branch opens with a literal prefix and bounds its repeats; the
 * look-arounds keep a match from being the middle of a longer identifier. Formats follow what the
 * vendors publish: AWS key IDs are 20 characters (AKIA long-term, ASIA temporary); classic GitHub
 * tokens carry 36 characters after their prefix; Google API keys 35 after "AIza"; npm tokens 36
 * after "npm_"; SendGrid keys are "SG." then 22 and 43 characters. Stripe's publishable `pk_`
 * keys are meant to be public and are not matched. Two formats are a value after a fixed name,
 * and report only the value: an Azure storage `AccountKey=` (or `SharedAccessKey=`) in a
 * connection string, and the path of a Slack incoming-webhook URL, which is the credential.
 * A new branch needs a literal in SECRET_HINTS that every one of its matches contains.
 */
const SECRETS =
  /(?<![A-Za-z0-9])(?:(?<aws>(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Za-z0-9]))|(?<pem>-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----)|(?<slack>xox[abeoprs]-\d{1,20}-[A-Za-z0-9-]{8,250})|(?<github>gh[pousr]_[A-Za-z0-9]{36,251}(?![A-Za-z0-9_])|github_pat_[A-Za-z0-9_]{22,255})|(?<stripe>(?:[sr]k_live_|whsec_)[A-Za-z0-9]{10,247}(?![A-Za-z0-9]))|(?<google>AIza[A-Za-z0-9_-]{35}(?![A-Za-z0-9_-]))|(?<openai>sk-(?:proj|svcacct|admin)-[A-Za-z0-9_-]{20,400}(?![A-Za-z0-9_-])|sk-[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}(?![A-Za-z0-9]))|(?<sendgrid>SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-]))|(?<npm>npm_[A-Za-z0-9]{36}(?![A-Za-z0-9]))|(?<gitlab>glpat-[A-Za-z0-9_-]{20,64}(?![A-Za-z0-9_-]))|(?<azure>(?:Account|SharedAccess)Key=(?<azurevalue>[A-Za-z0-9+/]{40,120}={0,2}))|(?<slackhook>hooks\.slack\.com\/(?:services|workflows|triggers)\/(?<hookvalue>T[A-Z0-9]{6,20}\/[A-Za-z0-9_/-]{10,300})))/g;

/** Every match of SECRETS contains one of these: the literal each branch opens with. */
export const SECRET_HINTS: readonly string[] = [
  'AKIA',
  'ASIA',
  '-----BEGIN ',
  'xox',
  'ghp_',
  'gho_',
  'ghu_',
  'ghs_',
  'ghr_',
  'github_pat_',
  'k_live_',
  'whsec_',
  'AIza',
  'sk-',
  'SG.',
  'npm_',
  'glpat-',
  'AccountKey=',
  'SharedAccessKey=',
  'hooks.slack.com/',
];

const GROUP_KIND: readonly [string, SecretKind][] = [
  ['aws', 'aws-access-key-id'],
  ['pem', 'private-key'],
  ['slack', 'slack-token'],
  ['github', 'github-token'],
  ['stripe', 'stripe-secret-key'],
  ['google', 'google-api-key'],
  ['openai', 'openai-api-key'],
  ['sendgrid', 'sendgrid-api-key'],
  ['npm', 'npm-token'],
  ['gitlab', 'gitlab-token'],
  ['azure', 'azure-account-key'],
  ['slackhook', 'slack-webhook'],
];

/** AWS documents its sample key IDs with this suffix; they are not credentials. */
const AWS_DOC_SAMPLE = /EXAMPLE$/;

/**
 * Every credential-shaped substring of `text`, in order. Pure and linear, so the export and
 * redaction code can reuse it. Pass a bounded text: the caller decides how much to scan.
 */
export function findSecrets(text: string, limit = Number.POSITIVE_INFINITY): SecretMatch[] {
  const out: SecretMatch[] = [];
  const re = SECRETS;
  re.lastIndex = 0; // shared /g regex; safe because the loop below never yields
  let m: RegExpExecArray | null;
  while (out.length < limit && (m = re.exec(text)) !== null) {
    const groups = m.groups ?? {};
    const found = GROUP_KIND.find(([g]) => groups[g] !== undefined);
    if (!found) continue;
    if (found[1] === 'aws-access-key-id' && AWS_DOC_SAMPLE.test(m[0])) continue;
    // A name-anchored format's secret is its value, after the fixed name.
    const value = groups.azurevalue ?? groups.hookvalue ?? m[0];
    out.push({ kind: found[1], index: m.index + m[0].length - value.length, length: value.length });
  }
  return out;
}

/** How a finding may show a secret: enough of the start to recognise it, never the rest. */
export function maskSecret(kind: SecretKind, secret: string): string {
  // The PEM header line is not secret, but shown without its dashes so it is not a key's start.
  if (kind === 'private-key') return secret.replace(/^-+|-+$/g, '');
  const prefix =
    /^(?:github_pat_|sk-(?:proj|svcacct|admin)-|[a-z]{2,5}_(?:live_)?|xox[a-z]-|glpat-|SG\.|AKIA|ASIA|AIza|T)/.exec(
      secret,
    )?.[0] ?? '';
  const shown = Math.min(prefix.length + 4, Math.floor(secret.length / 2));
  return `${secret.slice(0, shown)}…`;
}

/*
 * JSON Web Tokens (RFC 7519): three base64url segments, header and claims being JSON objects, so
 * both start "eyJ" (`{"`). The look-behind anchors a match at the start of a base64url run, so
 * the bounded segments backtrack at most once per run and the scan stays linear. Kept apart from
 * SECRETS: a JWT is often handed out on purpose, so `security/secret-in-body` reports it as info;
 * redaction hides it like any other credential.
 */
const JWT =
  /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{4,2000}\.eyJ[A-Za-z0-9_-]{2,20000}\.[A-Za-z0-9_-]{0,2000}(?![A-Za-z0-9_.-])/g;

/** Every JWT-shaped match contains this. */
export const JWT_HINTS: readonly string[] = ['eyJ'];

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Decodes base64url to a string of bytes (Latin-1), or undefined for other characters. */
function decodeBase64Url(s: string): string | undefined {
  let out = '';
  let acc = 0;
  let bits = 0;
  for (let i = 0; i < s.length; i++) {
    const v = BASE64URL.indexOf(s[i]!);
    if (v < 0) return undefined;
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += String.fromCharCode((acc >> bits) & 0xff);
    }
  }
  return out;
}

/** True when a JWT's first segment decodes to a JSON object with a string `alg`, as RFC 7515 requires. */
function hasJoseHeader(segment: string): boolean {
  const decoded = decodeBase64Url(segment);
  if (decoded === undefined) return false;
  try {
    const header: unknown = JSON.parse(decoded);
    return isJsonObject(header) && Object.hasOwn(header, 'alg') && typeof header.alg === 'string';
  } catch {
    return false;
  }
}

export interface JwtMatch {
  index: number;
  length: number;
}

/** Every JWT in `text` whose header is a real JOSE header, in order. */
export function findJwts(text: string, limit = Number.POSITIVE_INFINITY): JwtMatch[] {
  const out: JwtMatch[] = [];
  const re = JWT;
  re.lastIndex = 0; // shared /g regex; safe because the loop below never yields
  let m: RegExpExecArray | null;
  while (out.length < limit && (m = re.exec(text)) !== null) {
    if (hasJoseHeader(m[0].slice(0, m[0].indexOf('.')))) out.push({ index: m.index, length: m[0].length });
  }
  return out;
}

/** A JWT's header says only which algorithm signed it; show its start and nothing of the claims. */
export function maskJwt(jwt: string): string {
  return `${jwt.slice(0, Math.min(10, jwt.indexOf('.')))}…`;
}
