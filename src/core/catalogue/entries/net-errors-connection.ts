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
  netError('CONNECTION_ABORTED', -103, 'Connection Aborted', {
    summary: 'The connection dropped: data sent was never acknowledged.',
    meaning:
      'Chromium sent data on an open connection and never got a TCP acknowledgement, so it gave up on the connection.',
    causes: [
      'A network path dropping packets',
      'A firewall or NAT silently dropping an idle connection',
      'The server host going away',
    ],
    action: 'Retry; if it repeats, look at the network path and idle timeouts.',
    retry: retry('if-idempotent', 'The server may have received it; only repeat safe requests.'),
    headers: [],
  }),
  netError('CONNECTION_FAILED', -104, 'Connection Failed', {
    summary: 'The attempt to connect failed for a reason other than refused or timed out.',
    meaning:
      'Opening the TCP (or QUIC) connection failed with a general error that is not a refusal or a timeout.',
    causes: [
      'A local firewall or security product blocking the connection',
      'A network adapter or VPN problem',
      'A host that drops the connection attempt',
    ],
    action: 'Check local network settings, firewall and VPN; try another network.',
    retry: retry('with-backoff', 'Retry after a pause; it may be a transient network fault.'),
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
  netError('ADDRESS_INVALID', -108, 'Address Invalid', {
    summary: 'The IP address or port cannot be connected to (e.g. address 0 or port 0).',
    meaning: 'The URL or the DNS answer gave an address or port no connection can be made to.',
    causes: [
      'A URL with port 0',
      'DNS answering 0.0.0.0 for a blocked host',
      'A typo in a literal IP address',
    ],
    action: 'Fix the URL or the DNS record.',
    retry: retry('never', 'The address stays invalid.'),
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
  netError('SSL_CLIENT_AUTH_CERT_NEEDED', -110, 'Client Certificate Needed', {
    summary: 'The server asked for a TLS client certificate and none was given.',
    meaning:
      'The TLS handshake requires the client to present a certificate (mutual TLS), and the browser had none selected for this host.',
    causes: [
      'An mTLS-protected API or admin site',
      'No matching client certificate installed',
      'The certificate picker was dismissed',
    ],
    action: 'Install and select the right client certificate, or call the API from a client that has it.',
    retry: retry('after-reauthenticating', 'Works once a certificate is available.'),
    headers: [],
  }),
  netError('TUNNEL_CONNECTION_FAILED', -111, 'Tunnel Connection Failed', {
    summary: 'The proxy could not open a tunnel (CONNECT) to the destination.',
    meaning:
      'Chromium asked its HTTP proxy to CONNECT to the host for an HTTPS request, and the proxy refused or failed.',
    causes: [
      'The proxy blocks the destination host or port',
      'The proxy cannot reach the destination',
      'A proxy that needs authentication',
    ],
    action: "Check the proxy's logs and rules for the host and port.",
    retry: retry('after-fixing-request', 'The proxy refuses again until its rules change.'),
    headers: ['Proxy-Authenticate'],
  }),
  netError('NO_SSL_VERSIONS_ENABLED', -112, 'No SSL Versions Enabled', {
    summary: "Every TLS version is disabled in this browser's configuration.",
    meaning:
      'Policy or flags left Chromium with no TLS version it is allowed to use, so no HTTPS connection can start.',
    causes: ['An SSLVersionMin/Max policy that excludes every version', 'Broken command-line flags'],
    action: 'Reset the TLS version policy or flags.',
    retry: retry('never', 'Nothing changes until the configuration does.'),
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
  netError('SSL_RENEGOTIATION_REQUESTED', -114, 'SSL Renegotiation Requested', {
    summary: 'The server asked to renegotiate TLS mid-connection, which Chromium does not allow.',
    meaning:
      'The server requested a TLS renegotiation (a new handshake), typically to ask for a client certificate for one path; Chromium refuses renegotiation in most cases.',
    causes: [
      'IIS or Apache requiring a client certificate only for some paths',
      'TLS 1.2 renegotiation settings on the server',
    ],
    action: 'Ask for client certificates in the initial handshake, or use TLS 1.3 post-handshake auth.',
    retry: retry('after-fixing-request', 'Fails the same way until the server stops renegotiating.'),
    headers: [],
  }),
  netError('PROXY_AUTH_UNSUPPORTED', -115, 'Proxy Auth Unsupported', {
    summary: 'The proxy asked for an authentication scheme Chromium does not support.',
    meaning: 'To open a tunnel the proxy demanded credentials with a scheme Chromium cannot do.',
    causes: ['A proxy offering only a proprietary auth scheme', 'A scheme disabled by policy (AuthSchemes)'],
    action: 'Enable a supported scheme (Basic, Digest, NTLM, Negotiate) on the proxy or in policy.',
    retry: retry('after-fixing-request', 'Fails until the proxy or policy changes.'),
    headers: ['Proxy-Authenticate'],
  }),
  netError('BAD_SSL_CLIENT_AUTH_CERT', -117, 'Bad Client Certificate', {
    summary: 'The server rejected the TLS client certificate the browser presented.',
    meaning:
      'Mutual TLS failed: the certificate sent was expired, untrusted by the server, or not the one it expects.',
    causes: [
      'An expired or revoked client certificate',
      'A certificate from a CA the server does not trust',
      'The wrong certificate selected',
    ],
    action: 'Select or install a valid client certificate the server accepts.',
    retry: retry('after-reauthenticating', 'Fails until a different certificate is used.'),
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
  netError('HOST_RESOLVER_QUEUE_TOO_LARGE', -119, 'Host Resolver Queue Too Large', {
    summary: 'Too many DNS lookups were queued; this one was dropped.',
    meaning:
      "The page started so many lookups for different host names at once that Chromium's resolver queue overflowed.",
    causes: ['A page loading from hundreds of distinct host names', 'A request loop with random subdomains'],
    action: 'Use fewer distinct host names, and throttle bursts of requests.',
    retry: retry('with-backoff', 'Retry once the burst has drained.'),
    headers: [],
  }),
  netError('SOCKS_CONNECTION_FAILED', -120, 'SOCKS Connection Failed', {
    summary: 'Connecting through the SOCKS proxy failed.',
    meaning:
      'Chromium could not establish the connection to the destination through the configured SOCKS proxy.',
    causes: [
      'The SOCKS proxy is down or unreachable',
      'The proxy refused the destination',
      'A wrong SOCKS version configured',
    ],
    action: 'Check the SOCKS proxy is running and allows the destination.',
    retry: retry('with-backoff', 'Retry after the proxy is back.'),
    headers: [],
  }),
  netError('SOCKS_CONNECTION_HOST_UNREACHABLE', -121, 'SOCKS Host Unreachable', {
    summary: 'The SOCKS proxy could not reach the destination host.',
    meaning: 'The SOCKS proxy accepted the request but reported that it could not connect to the target.',
    causes: [
      'The destination is down',
      "The proxy's network cannot route to the host",
      'DNS failing on the proxy side',
    ],
    action: "Check the destination from the proxy's network.",
    retry: retry('with-backoff', 'Retry once the destination is reachable from the proxy.'),
    headers: [],
  }),
  netError('ALPN_NEGOTIATION_FAILED', -122, 'ALPN Negotiation Failed', {
    summary: 'Client and server could not agree on an application protocol (ALPN) during TLS.',
    meaning: "The TLS handshake's ALPN step failed, so no HTTP version was agreed for the connection.",
    causes: [
      'A server that offers only protocols the client does not',
      'A middlebox tampering with the TLS handshake',
    ],
    action: "Check the server's ALPN list (h2, http/1.1).",
    retry: retry('after-fixing-request', "Fails until the server's ALPN configuration changes."),
    headers: [],
  }),
  netError('SSL_NO_RENEGOTIATION', -123, 'SSL No Renegotiation', {
    summary: 'The peer refused a TLS renegotiation (no_renegotiation alert).',
    meaning:
      'A TLS renegotiation was attempted and the other side answered with a no_renegotiation alert, ending the connection.',
    causes: [
      'A server or proxy with renegotiation disabled',
      'A client-certificate flow relying on renegotiation',
    ],
    action: 'Avoid renegotiation: request client certificates in the first handshake.',
    retry: retry('after-fixing-request', 'Fails until the TLS setup changes.'),
    headers: [],
  }),
  netError('SSL_DECOMPRESSION_FAILURE_ALERT', -125, 'SSL Decompression Failure', {
    summary: 'The server sent a TLS decompression_failure alert.',
    meaning:
      'The TLS peer reported it could not decompress a record, typically a server that wrongly believes it supports TLS compression.',
    causes: ['Old or buggy TLS stacks with DEFLATE compression', 'A middlebox corrupting TLS records'],
    action: "Update the server's TLS library and disable TLS compression.",
    retry: retry('after-fixing-request', 'Repeats until the server is fixed.'),
    headers: [],
  }),
  netError('SSL_BAD_RECORD_MAC_ALERT', -126, 'SSL Bad Record MAC', {
    summary: 'The server sent a TLS bad_record_mac alert: a record failed its integrity check.',
    meaning:
      'A TLS record did not verify on the other side, which points at a broken TLS implementation or data corrupted in transit.',
    causes: ['A buggy server TLS stack', 'A middlebox or NIC corrupting packets'],
    action: "Update the server's TLS library; test from another network.",
    retry: retry('with-backoff', 'May be transient if caused by corruption in transit.'),
    headers: [],
  }),
  netError('PROXY_AUTH_REQUESTED', -127, 'Proxy Auth Requested', {
    summary: 'The proxy demanded authentication to open a tunnel.',
    meaning:
      'The HTTP proxy answered the CONNECT with 407 Proxy Authentication Required and the browser had no credentials to give.',
    causes: ['A corporate proxy requiring login', 'Proxy credentials not entered or expired'],
    action: 'Enter the proxy credentials, or configure integrated authentication.',
    retry: retry('after-reauthenticating', 'Works once the proxy accepts credentials.'),
    headers: ['Proxy-Authenticate', 'Proxy-Authorization'],
  }),
  netError('PROXY_CONNECTION_FAILED', -130, 'Proxy Connection Failed', {
    summary: 'The browser could not connect to its configured proxy.',
    meaning:
      'Resolving or connecting to the proxy server itself failed, before any request reached the destination.',
    causes: [
      'The proxy is down or its address is wrong',
      'A stale system proxy setting',
      'A PAC file pointing at a proxy that is gone',
    ],
    action: 'Check the proxy settings (system, policy or PAC) and that the proxy runs.',
    retry: retry('with-backoff', 'Retry after the proxy is back or the setting is fixed.'),
    headers: [],
  }),
  netError('MANDATORY_PROXY_CONFIGURATION_FAILED', -131, 'Mandatory Proxy Configuration Failed', {
    summary: 'A mandatory PAC script could not be fetched, parsed or run.',
    meaning:
      'The browser must use a proxy auto-config script, and that script failed, so it cannot decide how to connect.',
    causes: ['The PAC URL is unreachable', 'A syntax error in the PAC script'],
    action: 'Fix or serve the PAC script.',
    retry: retry('after-fixing-request', 'Fails until the PAC script works.'),
    headers: [],
  }),
  netError('SSL_CLIENT_AUTH_PRIVATE_KEY_ACCESS_DENIED', -134, 'Client Key Access Denied', {
    summary: "Permission to use the client certificate's private key was denied.",
    meaning:
      "Mutual TLS needed the client certificate's private key, and the operating system or the user refused access to it.",
    causes: ['The user denied the key-access prompt', 'A smart card or token that is locked'],
    action: 'Allow access to the key, or unlock the token.',
    retry: retry('after-reauthenticating', 'Works once the key may be used.'),
    headers: [],
  }),
  netError('SSL_CLIENT_AUTH_CERT_NO_PRIVATE_KEY', -135, 'Client Certificate Has No Private Key', {
    summary: 'The selected client certificate has no private key on this device.',
    meaning:
      'A client certificate was found, but its private key is missing, so it cannot be used for mutual TLS.',
    causes: ['A certificate imported without its key', 'A smart card removed after selection'],
    action: 'Import the certificate together with its key (PKCS #12) or insert the card.',
    retry: retry('after-reauthenticating', 'Works once the key is available.'),
    headers: [],
  }),
  netError('PROXY_CERTIFICATE_INVALID', -136, 'Proxy Certificate Invalid', {
    summary: 'The HTTPS proxy presented an invalid certificate.',
    meaning:
      'The connection to an HTTPS proxy failed certificate verification, so no traffic was sent through it.',
    causes: ['A self-signed or expired proxy certificate', 'A proxy certificate for a different name'],
    action: 'Give the proxy a valid certificate, or trust its CA.',
    retry: retry('after-fixing-request', "Fails until the proxy's certificate changes."),
    headers: [],
  }),
  netError('NAME_RESOLUTION_FAILED', -137, 'Name Resolution Failed', {
    summary: 'DNS resolution failed outright (not just a name that does not exist).',
    meaning:
      'The resolver itself failed: no DNS server answered usefully, as opposed to a clear "no such name".',
    causes: [
      'No working DNS server configured',
      'A DNS-over-HTTPS provider unreachable',
      'A captive portal intercepting DNS',
    ],
    action: "Check the device's DNS settings and connectivity.",
    retry: retry('with-backoff', 'Retry once DNS is reachable.'),
    headers: [],
  }),
  netError('NETWORK_ACCESS_DENIED', -138, 'Network Access Denied', {
    summary: 'Access to the network was denied, most likely by a firewall.',
    meaning:
      "The operating system refused the browser's network access, which usually means a local firewall or security product.",
    causes: [
      'A host firewall rule blocking the browser',
      'Endpoint security software',
      'A sandbox without network access',
    ],
    action: 'Allow the browser through the firewall or security product.',
    retry: retry('after-fixing-request', 'Denied until the rule changes.'),
    headers: [],
  }),
  netError('TEMPORARILY_THROTTLED', -139, 'Temporarily Throttled', {
    summary: 'The browser throttled the request to protect the server from overload.',
    meaning:
      "Chromium's request throttler cancelled this request after repeated errors from the same URL, to avoid hammering the server.",
    causes: [
      'A client retry loop against a failing endpoint',
      'Many identical failing requests in a short time',
    ],
    action: 'Stop the retry loop; back off between attempts.',
    retry: retry('with-backoff', 'Back off before trying again.'),
    headers: [],
  }),
  netError('HTTPS_PROXY_TUNNEL_RESPONSE_REDIRECT', -140, 'Proxy Tunnel Redirect', {
    summary: 'The HTTPS proxy answered the tunnel request with a redirect.',
    meaning:
      'Asked to CONNECT, the proxy replied with a 302 instead, usually to send the user to a login or block page.',
    causes: ['A proxy login or captive page', 'A proxy blocking the destination with a redirect'],
    action: 'Log in to the proxy, or ask its operator about the block.',
    retry: retry('after-reauthenticating', 'Works once the proxy lets the tunnel through.'),
    headers: ['Location'],
  }),
  netError('SSL_CLIENT_AUTH_SIGNATURE_FAILED', -141, 'Client Certificate Signature Failed', {
    summary: "Signing with the client certificate's private key failed during mutual TLS.",
    meaning: 'The browser could not produce the signature mutual TLS needs with the client key.',
    causes: ['Access to the key denied', 'A key unsuitable for signing', 'A smart card or token failing'],
    action: 'Check the client certificate and its key, or pick another certificate.',
    retry: retry('after-reauthenticating', 'Works once the key signs.'),
    headers: [],
  }),
  netError('WS_PROTOCOL_ERROR', -145, 'WebSocket Protocol Error', {
    summary: 'The WebSocket connection was closed for a protocol violation.',
    meaning:
      'Chromium received a malformed WebSocket frame or handshake, or another protocol violation, and closed the connection.',
    causes: [
      'A server sending malformed or masked frames',
      'A proxy corrupting WebSocket traffic',
      'A wrong Sec-WebSocket-Accept in the handshake',
    ],
    action: "Check the server's WebSocket implementation and any proxy in between.",
    retry: retry('after-fixing-request', 'Fails until the server or proxy is fixed.'),
    headers: ['Sec-WebSocket-Accept', 'Upgrade'],
  }),
  netError('SSL_BAD_PEER_PUBLIC_KEY', -149, 'Bad Peer Public Key', {
    summary: "The server's TLS public key is invalid.",
    meaning:
      'The key the server used in the TLS handshake could not be used, so the connection is not trusted.',
    causes: ['A malformed or unsupported key in the server certificate', 'A broken TLS implementation'],
    action: 'Reissue the server certificate with a standard key type.',
    retry: retry('after-fixing-request', "Fails until the server's key changes."),
    headers: [],
  }),
  netError('SSL_PINNED_KEY_NOT_IN_CERT_CHAIN', -150, 'Pinned Key Not in Chain', {
    summary: 'The certificate chain does not contain a public key pinned for this host.',
    meaning:
      'Chromium has built-in public key pins for some hosts, and none of the keys in the presented chain matches them, which suggests interception.',
    causes: [
      'A TLS-inspecting proxy or antivirus',
      'An attacker in the middle',
      'A certificate from an unexpected CA',
    ],
    action: "Use a network without TLS interception; the host's operator must use a pinned key.",
    retry: retry('never', 'It fails until the certificate chain changes.'),
    headers: [],
  }),
  netError('CLIENT_AUTH_CERT_TYPE_UNSUPPORTED', -151, 'Client Cert Type Unsupported', {
    summary: 'The server asked for a client certificate of a type the browser does not support.',
    meaning: "The server's certificate request listed only certificate types the client cannot provide.",
    causes: ['An old server asking for DSS or fixed-DH certificates', 'A misconfigured mTLS setup'],
    action: 'Allow RSA or ECDSA client certificates on the server.',
    retry: retry('after-fixing-request', "Fails until the server's request changes."),
    headers: [],
  }),
  netError('SSL_DECRYPT_ERROR_ALERT', -153, 'SSL Decrypt Error', {
    summary: 'The server sent a TLS decrypt_error alert: a handshake signature failed.',
    meaning:
      'The peer could not verify a signature or the Finished message, which often means a client certificate or key problem.',
    causes: ['A client certificate whose key does not match', 'A buggy TLS implementation'],
    action: "Check the client certificate and key pairing, and the server's TLS library.",
    retry: retry('after-fixing-request', 'Fails until the key or server changes.'),
    headers: [],
  }),
  netError('WS_THROTTLE_QUEUE_TOO_LARGE', -154, 'WebSocket Queue Too Large', {
    summary: 'Too many WebSocket connections were pending; this one was refused.',
    meaning: 'The page opened more WebSocket connections at once than Chromium allows to wait.',
    causes: ['A reconnect loop opening sockets without closing old ones', 'Many tabs connecting at once'],
    action: 'Reuse one socket and back off between reconnects.',
    retry: retry('with-backoff', 'Retry after the pending connections settle.'),
    headers: [],
  }),
  netError('SSL_SERVER_CERT_CHANGED', -156, 'Server Certificate Changed', {
    summary: "The server's certificate changed during a TLS renegotiation.",
    meaning:
      'Mid-connection, the server presented a different certificate than at the start, which Chromium treats as an attack.',
    causes: ['A load balancer renegotiating on a different backend', 'An active attacker'],
    action: 'Present the same certificate for the whole connection.',
    retry: retry('after-fixing-request', 'Fails until the server setup changes.'),
    headers: [],
  }),
  netError('SSL_UNRECOGNIZED_NAME_ALERT', -159, 'SSL Unrecognized Name', {
    summary: 'The server did not recognise the host name sent in TLS SNI.',
    meaning:
      'The server sent an unrecognized_name alert: it has no site configured for the name the browser asked for.',
    causes: [
      'A missing virtual host for this name',
      'A CDN without the domain attached',
      'A DNS record pointing at the wrong server',
    ],
    action: 'Configure the host name on the server or CDN, or fix DNS.',
    retry: retry('after-fixing-request', 'Fails until the host is configured.'),
    headers: [],
  }),
  netError('SSL_CLIENT_AUTH_CERT_BAD_FORMAT', -164, 'Client Certificate Bad Format', {
    summary: 'The client certificate could not be imported into the TLS library.',
    meaning: 'The platform certificate store returned a client certificate Chromium could not use.',
    causes: ['A corrupt or unusual certificate in the OS store', 'An unsupported certificate encoding'],
    action: 'Reinstall the client certificate in a standard format.',
    retry: retry('after-reauthenticating', 'Works once a usable certificate is installed.'),
    headers: [],
  }),
  netError('ICANN_NAME_COLLISION', -166, 'ICANN Name Collision', {
    summary: "DNS returned 127.0.53.53, ICANN's name-collision warning address.",
    meaning:
      'The host name resolved to 127.0.53.53, which ICANN uses to flag a private name that now collides with a public top-level domain.',
    causes: [
      'An internal name (such as .corp or .mail) that clashes with a new gTLD',
      'A search-suffix lookup leaking to public DNS',
    ],
    action: 'Move internal names to a domain you own, or fix the DNS search suffix.',
    retry: retry('after-fixing-request', 'Fails until the name changes.'),
    headers: [],
  }),
  netError('SSL_SERVER_CERT_BAD_FORMAT', -167, 'Server Certificate Bad Format', {
    summary: 'The server presented a certificate that could not be decoded.',
    meaning: 'The certificate in the TLS handshake was not valid DER, so the connection was stopped.',
    causes: ['A corrupted certificate file on the server', 'A misbuilt certificate chain'],
    action: "Reinstall the server certificate and chain from the CA's files.",
    retry: retry('after-fixing-request', 'Fails until the certificate is fixed.'),
    headers: [],
  }),
  netError('SSL_OBSOLETE_CIPHER', -172, 'SSL Obsolete Cipher', {
    summary: 'The server requires a cipher suite Chromium has removed.',
    meaning: 'The only cipher suites the server accepts are ones Chromium no longer supports.',
    causes: ['An old server limited to RC4, 3DES or CBC-only suites', 'A legacy appliance'],
    action: 'Enable modern AEAD cipher suites (AES-GCM, ChaCha20) on the server.',
    retry: retry('after-fixing-request', "Fails until the server's ciphers change."),
    headers: [],
  }),
  netError('WS_UPGRADE', -173, 'WebSocket Upgrade', {
    summary: 'Not a failure: the HTTP request became a WebSocket after a successful handshake.',
    meaning:
      'Chromium ends the handshake request with this code once the connection has switched to the WebSocket protocol, so a HAR can show it on a working socket.',
    causes: ['A WebSocket that opened normally', 'A HAR exporter listing the handshake request separately'],
    action: "Nothing to fix; look at the WebSocket's frames for its traffic.",
    retry: retry('never', 'The socket is already open.'),
    headers: ['Upgrade', 'Sec-WebSocket-Accept'],
  }),
  netError('SSL_CLIENT_AUTH_NO_COMMON_ALGORITHMS', -177, 'Client Auth No Common Algorithms', {
    summary: "No signature algorithm fits both the client key and the server's list.",
    meaning:
      'For mutual TLS the client key must sign with an algorithm the server accepts, and there was none in common.',
    causes: [
      'A server allowing only RSA-PSS with a key that cannot do it',
      'A hardware token with limited algorithms',
    ],
    action: "Widen the server's signature algorithms or use another client key.",
    retry: retry('after-fixing-request', 'Fails until one side changes.'),
    headers: [],
  }),
  netError('TLS13_DOWNGRADE_DETECTED', -180, 'TLS 1.3 Downgrade Detected', {
    summary: 'TLS 1.3 was downgraded by something in the path (often a buggy TLS proxy).',
    meaning:
      'The server signalled TLS 1.3 support but a lower version was negotiated, a sign of an attack or a middlebox that mishandles TLS.',
    causes: ['An intercepting proxy or antivirus with a broken TLS 1.2 implementation', 'An active attacker'],
    action: 'Update or bypass the intercepting proxy.',
    retry: retry('after-fixing-request', 'Fails until the middlebox is fixed.'),
    headers: [],
  }),
  netError('SSL_KEY_USAGE_INCOMPATIBLE', -181, 'Key Usage Incompatible', {
    summary: "The server certificate's keyUsage does not allow the negotiated key exchange.",
    meaning:
      'The certificate restricts what its key may do, and the TLS handshake used it in a way those restrictions forbid.',
    causes: [
      'An RSA certificate without digitalSignature used with ECDHE',
      'A certificate issued with the wrong key usage',
    ],
    action: 'Reissue the certificate with the right keyUsage bits.',
    retry: retry('after-fixing-request', 'Fails until the certificate is reissued.'),
    headers: [],
  }),
  netError('INVALID_ECH_CONFIG_LIST', -182, 'Invalid ECH Config List', {
    summary: 'The Encrypted Client Hello configuration published in DNS is malformed.',
    meaning: "The host's HTTPS DNS record carries an ECHConfigList Chromium could not parse.",
    causes: ['A broken HTTPS/SVCB DNS record', 'A CDN publishing a malformed ECH key'],
    action: 'Fix or remove the ech parameter in the HTTPS DNS record.',
    retry: retry('after-fixing-request', 'Fails until DNS is fixed.'),
    headers: [],
  }),
  netError('ECH_NOT_NEGOTIATED', -183, 'ECH Not Negotiated', {
    summary: 'The server could not decrypt the Encrypted Client Hello.',
    meaning:
      'Encrypted Client Hello was used, but the server did not accept it (for example a stale ECH key in DNS).',
    causes: [
      'An ECH key in DNS that the server no longer has',
      'A server behind the DNS name without ECH support',
    ],
    action: 'Keep the ECH keys in DNS in step with the server.',
    retry: retry('with-backoff', 'Retry after DNS caches pick up the current keys.'),
    headers: [],
  }),
  netError('ECH_FALLBACK_CERTIFICATE_INVALID', -184, 'ECH Fallback Certificate Invalid', {
    summary: "ECH was rejected and the server's certificate for the public name was invalid.",
    meaning:
      'After rejecting Encrypted Client Hello the server must prove it owns the ECH public name, and its certificate did not.',
    causes: ['A misconfigured ECH public name', 'A certificate missing the public name'],
    action: 'Serve a valid certificate for the ECH public name.',
    retry: retry('after-fixing-request', 'Fails until the certificate is fixed.'),
    headers: [],
  }),
];
