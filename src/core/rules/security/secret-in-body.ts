import { defineRule, type Report } from '../types';
import { defineDetector } from './hints';
import { scanBody } from './scan';
import { findSecrets, maskSecret, SECRET_HINTS, SECRET_LABELS, type SecretKind } from './secret-patterns';

/** Enough to make the point without flooding the panel when a body dumps a whole keyring. */
const MAX_FINDINGS = 5;

interface Secret {
  kind: SecretKind;
  masked: string;
}

const SECRETS = defineDetector<Secret>(
  (s) =>
    findSecrets(s, MAX_FINDINGS).map((f) => ({
      kind: f.kind,
      masked: maskSecret(f.kind, s.slice(f.index, f.index + f.length)),
    })),
  SECRET_HINTS,
);

export default defineRule({
  id: 'security/secret-in-body',
  group: 'core',
  severity: 'warning',
  description: 'Responses must not carry credentials such as API keys, tokens or private keys.',
  source: { label: 'CWE-200', url: 'https://cwe.mitre.org/data/definitions/200.html' },
  check(ctx): Report[] {
    const hits = scanBody(ctx, SECRETS, MAX_FINDINGS);
    return hits.map(({ value, pointer }) => {
      const where = pointer === undefined ? 'body' : `body member ${pointer}`;
      const message = `${where} holds a ${SECRET_LABELS[value.kind]} (${value.masked}); rotate it and stop returning it`;
      return pointer === undefined ? { message } : { message, pointer };
    });
  },
});
