import { isJsonObject, type JsonValue } from '../../json/walk';
import type { RuleContext } from '../types';

/** The envelope's top-level object, when the body parsed as a JSON object. */
export function envelopeObject(ctx: RuleContext): Record<string, JsonValue> | undefined {
  return ctx.json.kind === 'ok' && isJsonObject(ctx.json.value) ? ctx.json.value : undefined;
}

/**
 * The envelope convention is a house guide with no public home, so each rule cites the
 * HTTP or JSON text its check leans on, labelled as the convention's.
 */
export const SOURCES = {
  json: {
    label: 'Envelope convention; RFC 8259 §11',
    url: 'https://www.rfc-editor.org/rfc/rfc8259#section-11',
  },
  errors: {
    label: 'Envelope convention; RFC 9110 §15.5',
    url: 'https://www.rfc-editor.org/rfc/rfc9110#section-15.5',
  },
  msg: { label: 'Envelope convention; RFC 8259 §5', url: 'https://www.rfc-editor.org/rfc/rfc8259#section-5' },
  accepted: {
    label: 'Envelope convention; RFC 9110 §15.3.3',
    url: 'https://www.rfc-editor.org/rfc/rfc9110#section-15.3.3',
  },
  status: {
    label: 'Envelope convention; RFC 9110 §15',
    url: 'https://www.rfc-editor.org/rfc/rfc9110#section-15',
  },
} as const;
