import { isJsonObject } from './walk';

/**
 * Which of the files Status Lens reads a document is, when it was given where another kind goes
 * (`--config traffic.har`, `--profile-file openapi.json`, `--openapi traffic.har`): every loader
 * asks this one test and says "this is X: give it to Y" in one line, instead of an error for each
 * member it does not know. Settings and profiles tell each other apart by their own keys.
 */
export type ForeignDocument = 'har' | 'openapi';

/**
 * A HAR (`log.entries` is a list) or an OpenAPI/Swagger description (a version in `openapi` or
 * `swagger`, beside `info` or `paths`: a settings file has an `openapi` member too, a list).
 */
export function foreignDocument(doc: unknown): ForeignDocument | undefined {
  if (!isJsonObject(doc)) return undefined;
  if (isJsonObject(doc.log) && Array.isArray(doc.log.entries)) return 'har';
  const version = doc.openapi ?? doc.swagger;
  if (
    typeof version === 'string' &&
    /^\d/.test(version) &&
    (isJsonObject(doc.info) || isJsonObject(doc.paths))
  )
    return 'openapi';
  return undefined;
}

/**
 * A YAML OpenAPI description (JSON.parse refused it): `openapi:` or `swagger:` starts a line
 * before anything else does, as every description writes its version first or near it.
 */
export function looksLikeYamlOpenApi(text: string): boolean {
  return /^(?:openapi|swagger)[ \t]*:/m.test(text.slice(0, 64 * 1024)) && !/^\s*[[{]/.test(text);
}

/** What to say about a foreign document, for a loader of `expected` (the place the user gave it). */
export function foreignDocumentMessage(kind: ForeignDocument, expected: string): string {
  return kind === 'har'
    ? `this is a HAR file (it has log.entries), a recording of traffic, not ${expected}: lint it as an input`
    : `this is an OpenAPI description, not ${expected}: load it as an OpenAPI description`;
}
