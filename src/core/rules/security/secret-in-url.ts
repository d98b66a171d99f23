import { headerValues } from '../../exchange/headers';
import { isSecretParamName, isUrlByDesign } from '../../secrets/names';
import { findSecrets } from '../../secrets/patterns';
import { defineRule, type Report } from '../types';

/**
 * A parameter is a credential by its name (the vocabulary export redaction uses, minus the names
 * URLs carry by design: see URL_BY_DESIGN) or by its value's shape (a vendor-format key such as
 * `sk_live_…`, whatever the parameter is called). Google API keys are left out of the shapes:
 * browser keys travel in URLs by design.
 */
function isCredentialParam(name: string, value: string): boolean {
  if (isPlaceholder(value) || isPublicKey(value)) return false;
  if (isSecretParamName(name) && !isUrlByDesign(name)) return true;
  return findSecrets(value, 1).some((s) => s.kind !== 'google-api-key');
}

/** Publishable keys (Stripe `pk_…`, Mapbox `pk.…`) are meant to be seen. */
function isPublicKey(value: string): boolean {
  return /^pk[._]/.test(value.trim());
}

const MAX_LOCATION = 8192;
const MAX_FINDINGS = 5;

function decode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

/** Values that stand for a credential without being one: empty, templated, "null". */
function isPlaceholder(value: string): boolean {
  const v = value.trim();
  return v === '' || /^(?:null|undefined|none|false|true)$/i.test(v) || /^[{<$[]|\{\{/.test(v);
}

/** name=value pairs of a query or fragment, decoded; names lower-cased. */
function pairs(part: string): [string, string][] {
  const out: [string, string][] = [];
  for (const item of part.split(/[&;]/)) {
    const eq = item.indexOf('=');
    if (eq <= 0) continue;
    out.push([decode(item.slice(0, eq)).trim().toLowerCase(), decode(item.slice(eq + 1))]);
  }
  return out;
}

/** The query and fragment of a URL reference; a fragment route such as `#/cb?x=1` gives its own query. */
function parts(location: string): { where: 'query string' | 'fragment'; text: string }[] {
  const hash = location.indexOf('#');
  const beforeHash = hash < 0 ? location : location.slice(0, hash);
  const out: { where: 'query string' | 'fragment'; text: string }[] = [];
  const q = beforeHash.indexOf('?');
  if (q >= 0) out.push({ where: 'query string', text: beforeHash.slice(q + 1) });
  if (hash >= 0) {
    const fragment = location.slice(hash + 1);
    const fq = fragment.indexOf('?');
    out.push({ where: 'fragment', text: fq >= 0 ? fragment.slice(fq + 1) : fragment });
  }
  return out;
}

type Where = 'query string' | 'fragment';

/** Each credential parameter of a URL, once per name and part. */
function credentialsIn(url: string): { where: Where; name: string; length: number }[] {
  const out: { where: Where; name: string; length: number }[] = [];
  const seen = new Set<string>();
  for (const { where, text } of parts(url.trim().slice(0, MAX_LOCATION))) {
    for (const [name, value] of pairs(text)) {
      if (out.length >= MAX_FINDINGS) return out;
      if (seen.has(`${where} ${name}`) || !isCredentialParam(name, value)) continue;
      seen.add(`${where} ${name}`);
      out.push({ where, name, length: value.length });
    }
  }
  return out;
}

const WHY =
  'URLs end up in browser history, server and proxy logs and Referer headers; send credentials in a header or a POST body instead';

export default defineRule({
  id: 'security/secret-in-url',
  group: 'core',
  severity: 'warning',
  headerOnly: true,
  description:
    "A request URL or a redirect's Location should not carry credentials (access_token, api_key, password, an sk_live_ key…), where history, logs and Referer headers keep them.",
  source: { label: 'CWE-598', url: 'https://cwe.mitre.org/data/definitions/598.html' },
  check({ exchange }): Report[] {
    const out: Report[] = [];
    // What the page sent: the client put the credential there.
    for (const c of credentialsIn(exchange.url)) {
      out.push({
        message: `Request URL carries ${c.name}= (a ${c.length}-character value, not shown) in its ${c.where}: ${WHY}`,
      });
    }
    const status = exchange.status;
    if (status < 300 || status > 399) return out;
    // What the server answered: the redirect hands the credential to the next URL.
    for (const raw of headerValues(exchange.responseHeaders, 'location')) {
      for (const c of credentialsIn(raw)) {
        if (out.length >= MAX_FINDINGS) return out;
        out.push({
          message: `${status} redirect's Location carries ${c.name}= (a ${c.length}-character value, not shown) in its ${c.where}: ${WHY}`,
        });
      }
    }
    return out.slice(0, MAX_FINDINGS);
  },
});
