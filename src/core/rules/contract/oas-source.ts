import type { OpenApiVersion } from '../../contract/types';
import type { Report, Rule, RuleSource } from '../types';

/**
 * The objects of the OpenAPI Specification the contract rules cite, by their number inside the
 * specification's "Schema" section: the same number in 3.0.3 (section 4.7) and 3.1.0 (section
 * 4.8), checked against both texts; only the section and the version in the URL differ.
 */
export const OAS = {
  paths: { n: 8, name: 'Paths Object', anchor: 'paths-object' },
  operation: { n: 10, name: 'Operation Object', anchor: 'operation-object' },
  mediaType: { n: 14, name: 'Media Type Object', anchor: 'media-type-object' },
  responses: { n: 16, name: 'Responses Object', anchor: 'responses-object' },
  response: { n: 17, name: 'Response Object', anchor: 'response-object' },
  header: { n: 21, name: 'Header Object', anchor: 'header-object' },
} as const;

export type OasObject = (typeof OAS)[keyof typeof OAS];

/** Where the object is defined in that version of the specification. */
export function oasSource(o: OasObject, version: OpenApiVersion): RuleSource {
  const [section, release] = version === '3.0' ? ['4.7', 'v3.0.3'] : ['4.8', 'v3.1.0'];
  return {
    label: `OpenAPI ${version} §${section}.${o.n} ${o.name}`,
    url: `https://spec.openapis.org/oas/${release}#${o.anchor}`,
  };
}

/**
 * A contract rule citing `o`: by 3.1 in lists and docs, and by the version of the description a
 * finding was judged by (a 3.0 document's findings cite 3.0.3, not the 3.1 text it never followed).
 */
export function citingOas(o: OasObject, rule: Omit<Rule, 'source'>): Rule {
  const source = oasSource(o, '3.1');
  const older = oasSource(o, '3.0');
  return {
    ...rule,
    source,
    check(ctx) {
      const reports = rule.check(ctx);
      if (reports.length === 0 || ctx.contract?.contract.version !== '3.0') return reports;
      return reports.map((r): Report => (r.source ? r : { ...r, source: older }));
    },
  };
}
