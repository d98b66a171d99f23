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
  netError('CERT_CONTAINS_ERRORS', -203, 'Certificate Contains Errors', {
    summary: 'The server certificate contains errors (an older, vaguer form of CERT_INVALID).',
    meaning:
      'The certificate could not be used because of errors in it; Chromium now reports most such cases as ERR_CERT_INVALID.',
    causes: ['A malformed certificate', 'A certificate with invalid extensions'],
    action: 'Reissue the certificate from a public CA.',
    retry: retry('after-fixing-request', 'Fails until the certificate changes.'),
    headers: [],
  }),
  netError('CERT_NO_REVOCATION_MECHANISM', -204, 'No Revocation Mechanism', {
    summary: 'The certificate offers no way to check whether it was revoked.',
    meaning: 'The certificate names no OCSP responder or CRL, and revocation checking was required.',
    causes: [
      'A private CA that issues certificates without OCSP or CRL URLs',
      'A policy requiring revocation checks',
    ],
    action: 'Issue certificates with OCSP or CRL distribution points.',
    retry: retry('after-fixing-request', 'Fails until the certificate changes.'),
    headers: [],
  }),
  netError('CERT_UNABLE_TO_CHECK_REVOCATION', -205, 'Unable to Check Revocation', {
    summary: 'Revocation information for the certificate could not be obtained.',
    meaning:
      'A required revocation check (OCSP or CRL) could not be completed, so the certificate was not trusted.',
    causes: ["The CA's OCSP responder is down or blocked", 'A firewall blocking OCSP or CRL downloads'],
    action: "Enable OCSP stapling on the server; let clients reach the CA's responders.",
    retry: retry('with-backoff', 'May work once the responder is reachable.'),
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
  netError('CERT_INVALID', -207, 'Certificate Invalid', {
    summary: 'The server certificate is invalid.',
    meaning:
      'The certificate failed validation for a reason other than its name, dates or issuer, for example a malformed extension.',
    causes: ['A certificate that breaks X.509 encoding rules', 'An unsupported critical extension'],
    action: 'Reissue the certificate from a public CA.',
    retry: retry('after-fixing-request', 'Fails until the certificate changes.'),
    headers: [],
  }),
  netError('CERT_WEAK_SIGNATURE_ALGORITHM', -208, 'Weak Signature Algorithm', {
    summary: 'The certificate is signed with a weak algorithm such as SHA-1 or MD5.',
    meaning: 'Chromium no longer trusts signatures made with broken hash algorithms anywhere in the chain.',
    causes: ['An old SHA-1 certificate or intermediate', 'A private CA still signing with SHA-1'],
    action: 'Reissue the certificate and intermediates with SHA-256 or better.',
    retry: retry('after-fixing-request', 'Fails until the chain is reissued.'),
    headers: [],
  }),
  netError('CERT_NON_UNIQUE_NAME', -210, 'Non-Unique Name', {
    summary: 'The certificate is for a name that is not unique (an internal name or private IP).',
    meaning:
      "Public CAs may not certify names like 'server' or 'host.local', so Chromium rejects such certificates from public roots.",
    causes: ['A certificate for an intranet host name', 'A certificate for a private IP address'],
    action: 'Use a real domain name, or a private CA trusted on the devices.',
    retry: retry('after-fixing-request', 'Fails until the certificate changes.'),
    headers: [],
  }),
  netError('CERT_WEAK_KEY', -211, 'Weak Key', {
    summary: "The certificate's key is too weak (for example RSA under 2048 bits).",
    meaning: 'A key in the chain is shorter than Chromium accepts.',
    causes: ['An RSA-1024 certificate', 'An old intermediate with a short key'],
    action: 'Reissue with RSA 2048+ or an ECDSA key.',
    retry: retry('after-fixing-request', 'Fails until the key changes.'),
    headers: [],
  }),
  netError('CERT_NAME_CONSTRAINT_VIOLATION', -212, 'Name Constraint Violation', {
    summary: 'The certificate claims names its issuing CA is not allowed to certify.',
    meaning:
      'An intermediate in the chain is limited to certain domains by name constraints, and this certificate is for another.',
    causes: ['A constrained corporate CA issuing for a public domain', 'A mis-issued certificate'],
    action: 'Get the certificate from a CA allowed to issue for the name.',
    retry: retry('after-fixing-request', 'Fails until the certificate changes.'),
    headers: [],
  }),
  netError('CERT_VALIDITY_TOO_LONG', -213, 'Validity Too Long', {
    summary: "The certificate's validity period is longer than browsers allow.",
    meaning:
      'Publicly trusted certificates may be valid only for a limited time (398 days today), and this one exceeds it.',
    causes: ['A certificate issued for several years', 'A private CA with long defaults trusted as public'],
    action: 'Reissue the certificate with a shorter lifetime and automate renewal.',
    retry: retry('after-fixing-request', 'Fails until the certificate is reissued.'),
    headers: [],
  }),
  netError('CERTIFICATE_TRANSPARENCY_REQUIRED', -214, 'Certificate Transparency Required', {
    summary: 'The certificate lacks the Certificate Transparency proofs Chromium requires.',
    meaning:
      'Certificates from public CAs must come with signed certificate timestamps from CT logs, and this one did not have enough.',
    causes: [
      'A certificate issued without CT logging',
      'A TLS-inspecting proxy whose CA is treated as public',
    ],
    action: 'Get the certificate logged (any public CA does this), or deliver SCTs by stapling.',
    retry: retry('after-fixing-request', 'Fails until the certificate has SCTs.'),
    headers: [],
  }),
  netError('CERT_SYMANTEC_LEGACY', -215, 'Symantec Legacy Certificate', {
    summary: 'The certificate chains to a distrusted legacy Symantec root.',
    meaning:
      "Chromium stopped trusting certificates from Symantec's old PKI (including Thawte, GeoTrust and RapidSSL issued before the transition).",
    causes: ['A very old certificate that was never replaced', 'A legacy intermediate still served'],
    action: 'Replace the certificate with one from a currently trusted CA.',
    retry: retry('after-fixing-request', 'Fails until the certificate is replaced.'),
    headers: [],
  }),
  netError('CERT_KNOWN_INTERCEPTION_BLOCKED', -217, 'Known Interception Blocked', {
    summary: 'The certificate is known to be used to intercept traffic, so it is blocked.',
    meaning:
      'Chromium recognised a certificate that an entity other than the device owner uses to intercept TLS traffic.',
    causes: ['A government or network-level interception certificate', 'Malware installing its own root'],
    action: 'Remove the interception root and use another network.',
    retry: retry('never', 'Blocked every time.'),
    headers: [],
  }),
];
