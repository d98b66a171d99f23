import { jsonPointer } from '../json/pointer';
import type { JsonValue } from '../json/walk';
import type { JsonChangeKind } from './json-diff-types';

/** One pair of values to compare, linked to its parent so a pointer can be built on demand. */
export interface Frame {
  before: JsonValue;
  after: JsonValue;
  parent: Frame | null;
  segment: string | number;
  /** The pointer, once built (only for frames whose children were reported). */
  pointer?: string;
}

/** Counts one difference and lists it while the limits allow (diffJson's closure over its result). */
export type Report = (
  kind: JsonChangeKind,
  parent: Frame | null,
  segment: string | number | null,
  b: JsonValue | undefined,
  a: JsonValue | undefined,
) => void;

/** Builds a frame's pointer walking up to the nearest ancestor that has one (iterative). */
export function pointerOf(frame: Frame): string {
  if (frame.pointer !== undefined) return frame.pointer;
  const segments: (string | number)[] = [];
  let f: Frame | null = frame;
  let base = '';
  while (f) {
    if (f.pointer !== undefined) {
      base = f.pointer;
      break;
    }
    if (f.parent === null) break; // the root frame: pointer ''
    segments.push(f.segment);
    f = f.parent;
  }
  segments.reverse();
  frame.pointer = base + jsonPointer(segments);
  return frame.pointer;
}
