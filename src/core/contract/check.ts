import { validateValue, type Violation } from './validate';
import type { PreparedContract, PreparedMedia, PreparedOperation, PreparedResponse } from './types';

/** How a message names an operation: `GET /pets/{petId} (getPetById)`. */
export function operationLabel(op: PreparedOperation): string {
  return `${op.method} ${op.pathTemplate}${op.operationId ? ` (${op.operationId})` : ''}`;
}

/** Validates a value against one of the contract's prepared schemas. */
export function checkValue(contract: PreparedContract, schemaKey: string, value: unknown): Violation[] {
  return validateValue(value, schemaKey, contract.lookup, contract.schemaInfo, contract.where);
}

/** Whether a documented media range (`application/json`, `image/*`, `*\/*`) covers a media type. */
export function mediaCovers(range: string, mediaType: string): boolean {
  if (range === mediaType || range === '*/*') return true;
  if (range.endsWith('/*')) return mediaType.startsWith(range.slice(0, -1));
  return false;
}

/** The documented media type for a response's Content-Type, most specific first. */
export function mediaFor(response: PreparedResponse, mediaType: string): PreparedMedia | undefined {
  const content = response.content ?? [];
  return (
    content.find((m) => m.mediaType === mediaType) ??
    content.find(
      (m) => m.mediaType.endsWith('/*') && m.mediaType !== '*/*' && mediaCovers(m.mediaType, mediaType),
    ) ??
    content.find((m) => m.mediaType === '*/*')
  );
}

/** Violations beyond this many per exchange are counted, not listed (a wrong array can fail thousands of times). */
export const MAX_VIOLATIONS_PER_EXCHANGE = 10;
