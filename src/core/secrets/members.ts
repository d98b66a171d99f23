import { parsePointer, jsonPointer } from '../json/pointer';
import { isJsonObject, member, type JsonValue } from '../json/walk';
import { CREDENTIAL_MEMBER_NAMES, normaliseName, TOKEN_MEMBER_NAMES } from './names';

/** Expiry members that sit next to issued credentials: `expires_in`, GitHub's `expires_at`, STS `Expiration`, RFC 7591 `client_secret_expires_at`. */
const EXPIRY_NAMES: ReadonlySet<string> = new Set([
  'expiresin',
  'expiresat',
  'expireson',
  'expires',
  'expiry',
  'expiration',
  'expirationtime',
  'expirationdate',
]);
const EXPIRY_SUFFIXES = ['expiresin', 'expiresat', 'expireson'];

/** Ancestors under which values are samples, as in API documentation. */
const SAMPLE_NAMES: ReadonlySet<string> = new Set([
  'example',
  'examples',
  'sample',
  'samples',
  'default',
  'placeholder',
]);

export function isTokenName(key: string): boolean {
  return TOKEN_MEMBER_NAMES.has(normaliseName(key));
}

function isExpiryName(key: string): boolean {
  const n = normaliseName(key);
  return EXPIRY_NAMES.has(n) || EXPIRY_SUFFIXES.some((s) => n.endsWith(s));
}

const MAX_KEYS = 1000;

/** True when `obj` has an expiry member with a value (a number or a non-empty string). */
export function hasExpiryMember(obj: JsonValue | undefined): boolean {
  if (!isJsonObject(obj)) return false;
  const keys = Object.keys(obj);
  for (let i = 0; i < keys.length && i < MAX_KEYS; i++) {
    const k = keys[i]!;
    if (!isExpiryName(k)) continue;
    const v = member(obj, k);
    if (typeof v === 'number' || (typeof v === 'string' && v.trim() !== '')) return true;
  }
  return false;
}

/** The container holding the member a pointer names, and that member's key; undefined for the root. */
export function parentOf(
  root: JsonValue,
  pointer: string,
): { parent: JsonValue | undefined; key: string } | undefined {
  const path = parsePointer(pointer);
  if (path.length === 0) return undefined;
  let node: JsonValue | undefined = root;
  for (let i = 0; i < path.length - 1 && node !== undefined; i++) {
    const seg = path[i]!;
    node = Array.isArray(node) ? (/^\d+$/.test(seg) ? node[Number(seg)] : undefined) : member(node, seg);
  }
  return { parent: node, key: path[path.length - 1]! };
}

/**
 * Whether a string is worth reporting under a secret name. Conservative: masked values ("***",
 * "••••"), placeholders ("<password>", "${DB_PASSWORD}", "{{secret}}"), type names and labels
 * ("string", "Password") and anything short or with spaces are left alone. What remains has six
 * or more characters, letters and digits, and no space — like a hash, a key or a real password.
 */
export function looksLikeSecretValue(value: string): boolean {
  const v = value.trim();
  if (v.length < 6 || /\s/.test(v)) return false;
  if (/[*•●…]|\$\{|\{\{|%\(|^<.*>$|^\$[A-Z_][A-Z0-9_]*$/.test(v)) return false;
  return /[A-Za-z]/.test(v) && /\d/.test(v);
}

/** Documentation and schemas describe secrets without holding any. */
export function isSchemaDocument(root: JsonValue, mediaType: string): boolean {
  if (/schema|openapi|swagger/.test(mediaType)) return true;
  return ['openapi', 'swagger', '$schema', 'asyncapi'].some((k) => member(root, k) !== undefined);
}

export interface MemberHit {
  pointer: string;
  /** The member's name as the body spells it. */
  name: string;
  length: number;
  /** The object holding the member. */
  parent: Record<string, JsonValue>;
}

/**
 * Every credential member name holds one of these, in any case: a body whose text holds none
 * has no member worth walking to. Callers test them with the leak scanners' one pass over the
 * text (src/core/leaks/hints.ts), which replaced a case-insensitive regular expression here
 * that cost 2–4% of the CLI's time.
 */
export const SENSITIVE_NAME_HINTS: readonly string[] = ['password', 'passwd', 'secret', 'private'];

const MAX_NODES = 100_000;
const MAX_DEPTH = 64;

interface Frame {
  value: JsonValue;
  key: string | number | undefined;
  up: Frame | undefined;
  depth: number;
  sample: boolean;
}

function pointerOf(frame: Frame, key: string): string {
  const path: (string | number)[] = [key];
  for (let f: Frame | undefined = frame; f?.key !== undefined; f = f.up) path.push(f.key);
  return jsonPointer(path.reverse());
}

/**
 * String members with a secret's name and a secret-looking value, in document order, at most
 * `limit`. Bounded like the scanning rules: at most 100,000 nodes, 64 levels. Walk only documents
 * whose text holds one of SENSITIVE_NAME_HINTS.
 */
export function findSensitiveMembers(root: JsonValue, limit: number): MemberHit[] {
  const out: MemberHit[] = [];
  const stack: Frame[] = [{ value: root, key: undefined, up: undefined, depth: 0, sample: false }];
  let budget = MAX_NODES;
  while (stack.length > 0 && out.length < limit) {
    const frame = stack.pop()!;
    const v = frame.value;
    if (frame.depth >= MAX_DEPTH || v === null || typeof v !== 'object') continue;
    const children: Frame[] = [];
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length && budget > 0; i++, budget--)
        children.push({ value: v[i]!, key: i, up: frame, depth: frame.depth + 1, sample: frame.sample });
    } else {
      const keys = Object.keys(v);
      for (let i = 0; i < keys.length && budget > 0; i++, budget--) {
        const k = keys[i]!;
        const child = member(v, k)!;
        if (typeof child === 'string') {
          if (
            !frame.sample &&
            CREDENTIAL_MEMBER_NAMES.has(normaliseName(k)) &&
            looksLikeSecretValue(child) &&
            out.length < limit
          )
            out.push({ pointer: pointerOf(frame, k), name: k, length: child.trim().length, parent: v });
        } else if (child !== null && typeof child === 'object') {
          const sample = frame.sample || SAMPLE_NAMES.has(normaliseName(k));
          children.push({ value: child, key: k, up: frame, depth: frame.depth + 1, sample });
        }
      }
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return out;
}
