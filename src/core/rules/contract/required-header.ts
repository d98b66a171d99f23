import { headerValues } from '../../exchange/headers';
import { withArticle } from '../../text/article';
import { checkValue, operationLabel } from '../../contract/check';
import type { PreparedContract } from '../../contract/types';
import { OAS, citingOas } from './oas-source';
import { defineRule, type Report } from '../types';

/** Header values are text; a schema may want a number or boolean (OpenAPI's `simple` style). */
function candidates(value: string): unknown[] {
  const out: unknown[] = [];
  const t = value.trim();
  if (/^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(t)) out.push(Number(t));
  if (t === 'true' || t === 'false') out.push(t === 'true');
  out.push(value);
  return out;
}

function firstFailure(contract: PreparedContract, schema: string, value: string): string | undefined {
  let first: string | undefined;
  for (const c of candidates(value)) {
    const v = checkValue(contract, schema, c);
    if (v.length === 0) return undefined;
    first ??= `${v[0]!.message}; schema ${v[0]!.schemaLocation}`;
  }
  return first;
}

/**
 * A required header the response lacks. A 201's Location is http/created-location's fact too:
 * one finding, this one (the description's word is the more specific), giving both reasons.
 */
function missing(name: string, where: string, status: number): Report {
  const message = `${where} requires ${withArticle(name)} header, and the response has none`;
  if (status !== 201 || name.toLowerCase() !== 'location') return { message };
  return {
    message: `${message} (RFC 9110 §9.3.3 asks the same of a 201 Created: it names the new resource)`,
    supersedes: ['http/created-location'],
  };
}

export default defineRule(
  citingOas(OAS.header, {
    id: 'contract/required-header',
    group: 'core',
    severity: 'warning',
    headerOnly: true,
    description:
      'A header the description marks as required for this response is missing, or a documented header fails its schema.',
    check({ exchange, contract }) {
      if (contract?.kind !== 'operation' || !contract.response) return [];
      const label = `${operationLabel(contract.operation)} ${contract.response.key}`;
      const where = `${label} in ${contract.contract.name}`;
      const out: Report[] = [];
      for (const h of contract.response.headers) {
        const values = headerValues(exchange.responseHeaders, h.name);
        if (values.length === 0) {
          if (h.required) out.push(missing(h.name, where, exchange.status));
          continue;
        }
        if (!h.schema || contract.operation.disabled) continue;
        const why = firstFailure(contract.contract, h.schema, values.join(', '));
        if (why) out.push({ message: `header ${h.name} of ${label}: ${why}` });
      }
      return out;
    },
  }),
);
