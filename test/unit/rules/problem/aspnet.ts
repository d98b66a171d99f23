import type { ExchangeSpec } from '../../../helpers/exchange';

/**
 * ASP.NET Core's automatic 400 for a failed model validation ([ApiController]): a
 * ValidationProblemDetails with type, title, status, errors (field → messages) and traceId,
 * as .NET 8 writes it. Probably the most common problem+json producer there is.
 */
export const aspNetValidationProblem: ExchangeSpec = {
  method: 'POST',
  url: 'https://shop.example.com/api/customers',
  status: 400,
  statusText: 'Bad Request',
  headers: { 'Content-Type': 'application/problem+json; charset=utf-8' },
  body:
    '{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.1",' +
    '"title":"One or more validation errors occurred.","status":400,' +
    '"errors":{"Name":["The Name field is required."],' +
    '"Email":["The Email field is required.","The Email field is not a valid e-mail address."]},' +
    '"traceId":"00-0aa7d64ad154a1915c2a5f5fb3e5a5d1-4cd4b4b6a4c8e8f6-00"}',
};

/** The same problem written as application/problem+xml (RFC 9457 Appendix B). */
export const xmlProblem: ExchangeSpec = {
  status: 403,
  headers: { 'Content-Type': 'application/problem+xml' },
  body:
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<problem xmlns="urn:ietf:rfc:7807">\n' +
    '  <type>https://example.com/probs/out-of-credit</type>\n' +
    '  <title>You do not have enough credit.</title>\n' +
    '  <status>403</status>\n' +
    '</problem>',
};
