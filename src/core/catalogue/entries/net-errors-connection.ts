import type { CatalogueEntry } from '../types';
import { netError, retry } from './define';
/** Chromium net errors -100 to -199: DNS, sockets, and TLS handshakes. */
export const CONNECTION_NET_ERRORS: CatalogueEntry[] = [
  netError('CONNECTION_CLOSED', -100, 'Connection Closed', {
    summary: 'The server closed the connection (TCP FIN) without a complete response.',
    meaning: 'The connection was closed in an orderly way, but before a full response arrived.',
    causes: [
      'The server crashed or restarted',
      'A keep-alive connection closed just as it was reused',
      'A proxy idle timeout',
    ],
    action: 'Retry; if it repeats, check server logs for crashes or timeouts.',
    retry: retry('if-idempotent', 'The server may have processed it; only repeat safe requests.'),
    headers: [],
  }),
  netError('CONNECTION_RESET', -101, 'Connection Reset', {
    summary: 'The connection was reset (TCP RST) mid-exchange.',
    meaning: 'The other side, or something in between, aborted the connection abruptly.',
    causes: [
      'The server process was killed',
      'A firewall or middlebox resetting connections',
      'TLS inspection or antivirus interference',
    ],
    action: 'Retry; if it repeats, check firewalls, proxies and the server process.',
    retry: retry('if-idempotent', 'The server may have processed it; only repeat safe requests.'),
    headers: [],
  }),
  netError('CONNECTION_REFUSED', -102, 'Connection Refused', {
    summary: 'Nothing is listening: the host refused the TCP connection.',
    meaning: 'The host answered the connection attempt with a refusal, so nothing was sent.',
    causes: [
      'The server is not running, or listens on another port',
      'A local dev server that was stopped',
      'A firewall rejecting the port',
    ],
    action: 'Check the host, the port and that the server is up.',
    retry: retry('with-backoff', 'Safe to retry once the server is up; the request was never sent.'),
    headers: [],
  }),
  netError('NAME_NOT_RESOLVED', -105, 'Name Not Resolved', {
    summary: 'DNS lookup failed: the host name does not resolve.',
    meaning: 'Chromium could not turn the host name into an IP address.',
    causes: [
      'A typo in the host name',
      'A DNS record missing or not yet propagated',
      'An internal host name used outside the VPN',
    ],
    action: 'Check the host name and its DNS records.',
    retry: retry('after-fixing-request', 'Retrying the same name fails until DNS changes.'),
    headers: [],
  }),
  netError('INTERNET_DISCONNECTED', -106, 'Internet Disconnected', {
    summary: 'The device is offline.',
    meaning: 'Chromium knows there is no network connection, so it did not even try.',
    causes: ['Wi-Fi or cable disconnected', 'DevTools network throttling set to Offline'],
    action: 'Reconnect (or switch DevTools throttling off Offline) and retry.',
    retry: retry('with-backoff', 'Retry when back online.'),
    headers: [],
  }),
  netError('SSL_PROTOCOL_ERROR', -107, 'SSL Protocol Error', {
    summary: 'The TLS handshake broke: the server spoke invalid or unexpected TLS.',
    meaning:
      'Chromium could not establish a secure connection because the TLS exchange was malformed or unexpected.',
    causes: [
      'Plain HTTP served on an https:// port',
      'A broken TLS setup on the server or proxy',
      'A middlebox interfering',
    ],
    action: "Check the server's TLS listener and configuration (e.g. with openssl s_client).",
    retry: retry('never', 'A configuration problem; retrying does not help.'),
    headers: [],
  }),
  netError('ADDRESS_UNREACHABLE', -109, 'Address Unreachable', {
    summary: 'There is no route to the IP address.',
    meaning: 'The network reported that the destination address cannot be reached from here.',
    causes: [
      'A host on a network you are not connected to (VPN off)',
      'A routing or firewall problem',
      'An IPv6 address without IPv6 connectivity',
    ],
    action: 'Check VPN and routing, and whether the address is right.',
    retry: retry('with-backoff', 'Retry after the network path is fixed.'),
    headers: [],
  }),
  netError('SSL_VERSION_OR_CIPHER_MISMATCH', -113, 'SSL Version or Cipher Mismatch', {
    summary: 'Client and server share no TLS version or cipher suite.',
    meaning:
      'The handshake failed because the server offers only TLS versions or ciphers Chromium no longer accepts.',
    causes: [
      'A server offering only TLS 1.0/1.1 or weak ciphers',
      'No certificate configured for this host name on a CDN',
    ],
    action: 'Enable TLS 1.2 or 1.3 with modern ciphers on the server.',
    retry: retry('never', 'A configuration problem; retrying does not help.'),
    headers: [],
  }),
  netError('CONNECTION_TIMED_OUT', -118, 'Connection Timed Out', {
    summary: 'The TCP connection attempt got no answer in time.',
    meaning: 'Chromium tried to connect but heard nothing back, so no request was sent.',
    causes: [
      'Host down, or a firewall silently dropping packets',
      'A wrong IP address',
      'An overloaded server not accepting connections',
    ],
    action: 'Check that the host is up and reachable on that port.',
    retry: retry('with-backoff', 'Safe to retry; the request was never sent.'),
    headers: [],
  }),
];
