import type { CatalogueEntry } from '../types';
import { netError, retry } from './define';

const CERT_NEVER = retry(
  'never',
  'The certificate problem has to be fixed first; never click through it in code.',
);
/** Chromium net errors -200 to -299: the server certificate was not trusted. */
export const CERTIFICATE_NET_ERRORS: CatalogueEntry[] = [
  netError('CERT_COMMON_NAME_INVALID', -200, 'Certificate Name Mismatch', {
    summary: 'The certificate does not cover the host name in the URL.',
    meaning: "The server's certificate is valid for other names, not the one in the URL.",
    causes: [
      'A certificate issued for another name (www versus apex)',
      'Access by IP address or internal alias',
      'A captive portal intercepting HTTPS',
    ],
    action: 'Use the name the certificate covers, or reissue it to include this one.',
    retry: CERT_NEVER,
    headers: [],
  }),
  netError('CERT_DATE_INVALID', -201, 'Certificate Date Invalid', {
    summary: 'The certificate has expired or is not valid yet (or the device clock is wrong).',
    meaning: "By the device's clock, the server certificate is outside its validity period.",
    causes: [
      'The certificate expired (renewal failed)',
      'A wrong device clock',
      'An old certificate still deployed on one server',
    ],
    action: 'Renew and deploy the certificate, or correct the device clock.',
    retry: CERT_NEVER,
    headers: [],
  }),
  netError('CERT_AUTHORITY_INVALID', -202, 'Certificate Authority Invalid', {
    summary: 'The certificate is not signed by a trusted authority (self-signed or chain missing).',
    meaning: "Chromium could not chain the server's certificate to a root it trusts.",
    causes: [
      'A self-signed or private-CA certificate',
      'A missing intermediate certificate',
      'TLS interception by a proxy or antivirus',
    ],
    action: 'Serve the full chain from a public CA, or install the private CA on the client.',
    retry: CERT_NEVER,
    headers: [],
  }),
  netError('CERT_REVOKED', -206, 'Certificate Revoked', {
    summary: 'The certificate was revoked by its issuer.',
    meaning: 'The issuing authority withdrew the server certificate before its expiry date.',
    causes: ['Key compromise or mis-issuance', 'An old certificate still deployed after replacement'],
    action: 'Deploy a new certificate on the server.',
    retry: CERT_NEVER,
    headers: [],
  }),
];
