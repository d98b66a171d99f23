import type { RuleSource } from '../types';

/** A section of the GraphQL-over-HTTP specification as a rule source. */
export function graphqlOverHttp(anchor: string): RuleSource {
  return {
    // By name, not number: the draft renumbers its sections as it changes (its link is the live draft).
    label: `GraphQL over HTTP, ${anchor.replace(/-/g, ' ')}`,
    url: `https://graphql.github.io/graphql-over-http/draft/#sec-${anchor}`,
  };
}

/** A section of JSON:API 1.1 as a rule source. */
export function jsonApi(anchor: string, label: string): RuleSource {
  return { label: `JSON:API 1.1 ${label}`, url: `https://jsonapi.org/format/1.1/#${anchor}` };
}

/** A section of an RFC as a rule source: the label cites the section the link opens. */
export function rfcSection(rfc: number, section: string): RuleSource {
  return {
    label: `RFC ${rfc} §${section}`,
    url: `https://www.rfc-editor.org/rfc/rfc${rfc}#section-${section}`,
  };
}
