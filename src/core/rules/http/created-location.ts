import { headerValues } from '../../exchange/headers';
import { SAFE_METHODS } from '../../exchange/methods';
import { isOAuthTokenRequest } from '../../exchange/spec-defined';
import { defineRule } from '../types';

const TARGET_IS_RESOURCE = new Set(['PUT', 'PATCH']);

export default defineRule({
  id: 'http/created-location',
  group: 'core',
  severity: 'warning',
  headerOnly: true,
  description:
    'A 201 Created should say where the new resource is with a Location header, unless the request (a PUT or PATCH) named it.',
  source: { label: 'RFC 9110 §15.3.2', url: 'https://www.rfc-editor.org/rfc/rfc9110#section-15.3.2' },
  check({ exchange }) {
    // Without Location, RFC 9110 takes the target URI as the new resource. That is right for a
    // PUT or PATCH, which name the resource they create, and rarely for a POST to a collection.
    if (exchange.status !== 201 || TARGET_IS_RESOURCE.has(exchange.method)) return [];
    // A 201 to a safe method is wrong in itself (http/status-method-mismatch says so): asking it
    // to name "the new resource" would tell the server to keep creating on a read.
    if (SAFE_METHODS.has(exchange.method.toUpperCase())) return [];
    // An empty Location names nothing, so it counts as missing (as in http/redirect-location).
    const values = headerValues(exchange.responseHeaders, 'location');
    if (values.some((v) => v.trim() !== '')) return [];
    // A token has no URL to give: the advice is RFC 6749's status, not a Location.
    if (isOAuthTokenRequest(exchange))
      return [
        {
          message: `201 Created answers an OAuth 2.0 token request, which names no new resource: RFC 6749 §5.1 answers it 200 OK`,
        },
      ];
    const what =
      values.length > 0 ? 'an empty Location header where it should name' : 'no Location header naming';
    return [{ message: `201 Created to ${exchange.method} has ${what} the new resource` }];
  },
});
