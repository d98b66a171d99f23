import { isContractDoc, type ContractDoc } from '../../core/contract/load';
import { isObjectOrArray } from '../../core/json/walk';

/** How contract storage lays descriptions out: the index's key and entries, the texts' keys and blobs. */

/** The index in chrome.storage.local: small, and its onChanged tells every context. */
export const INDEX = 'openapi';
/**
 * Each save's text under a key of its own, named by its rev: a save writes the new text beside
 * the old, then the index entry that names it, and only then deletes the old text. A save that
 * stops half-way (the browser closed, the quota ran out) leaves the index naming the old text,
 * still whole, instead of an index entry whose text was overwritten. (A text whose index write
 * never came stays behind unnamed; it is never read, and a later load deletes it: sweep.ts.)
 */
export const revKey = (name: string, rev: string) => `openapi@${rev}:${name}`;
/** Where versions up to 0.1 kept a description's text, overwritten in place by each save. */
export const legacyKey = (name: string) => `openapi:${name}`;

/** One description in the index; its text (and parts) are in the blob area. */
export interface IndexEntry {
  name: string;
  baseUrl?: string;
  /** Characters of text, for the options page. */
  size: number;
  /** Which write of the blob this entry describes. */
  rev: string;
  /**
   * Switched off on the options page: kept, text and base URL, but not checked against. Only
   * `true` is written; an entry without it (every entry before the switch existed) is on.
   */
  off?: true;
}

export interface Blob {
  rev: string;
  text: string;
  parts?: ContractDoc['parts'];
}

export function isEntry(v: unknown): v is IndexEntry {
  return (
    isObjectOrArray(v) &&
    typeof v.name === 'string' &&
    typeof v.rev === 'string' &&
    typeof v.size === 'number' &&
    (v.baseUrl === undefined || typeof v.baseUrl === 'string') &&
    (v.off === undefined || v.off === true)
  );
}

export function isBlob(v: unknown): v is Blob {
  return (
    isObjectOrArray(v) &&
    typeof v.rev === 'string' &&
    isContractDoc({ name: '', text: v.text, parts: v.parts })
  );
}

let counter = 0;
/** A rev starts with the time of its save (milliseconds, base 36): how old an unnamed text is. */
export const newRev = (now: number) =>
  `${now.toString(36)}-${(counter++).toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

/** Every blob key of this store starts with it (`openapi@<rev>:<name>`, and the older `openapi:<name>`). */
export const BLOB_PREFIX = 'openapi';
