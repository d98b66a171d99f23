/** Vendor hints: which CDN, proxy or server answered, and whether the status is its own code. */

import type { Exchange, Header } from '../../exchange/types';
import { explainStatus } from '../index';
import { shownValue, safeValue } from './text';
import type { Hint } from './types';

interface Vendor {
  name: string;
  evidence: string;
}

/** Who answered, judging by the response headers; the most specific signal wins. */
export function detectVendor(headers: readonly Header[]): Vendor | undefined {
  const server = safeValue(headers, 'server')?.trim() ?? '';
  const ray = safeValue(headers, 'cf-ray');
  const serverEvidence = `Server: ${shownValue(server, 60)}`;
  if (ray !== undefined) return { name: 'Cloudflare', evidence: `CF-RAY ${shownValue(ray, 60)}` };
  if (/cloudflare/i.test(server.slice(0, 200))) return { name: 'Cloudflare', evidence: serverEvidence };
  if (/^awselb\b/i.test(server)) return { name: 'AWS Application Load Balancer', evidence: serverEvidence };
  if (/^nginx\b/i.test(server)) return { name: 'nginx', evidence: serverEvidence };
  if (/^microsoft-iis\b/i.test(server)) return { name: 'Microsoft IIS', evidence: serverEvidence };
  if (/^envoy\b/i.test(server)) return { name: 'Envoy', evidence: serverEvidence };
  if (/^apache\b/i.test(server)) return { name: 'Apache', evidence: serverEvidence };
  if (safeValue(headers, 'x-amz-cf-id') !== undefined)
    return { name: 'Amazon CloudFront', evidence: 'X-Amz-Cf-Id header' };
  return undefined;
}

function sameVendor(vendorName: string, origin: string): boolean {
  const a = vendorName.toLowerCase();
  const b = origin.toLowerCase();
  return b.includes(a) || a.includes(b);
}

export function vendorHints(ex: Exchange): Hint[] {
  const entry = explainStatus(ex.status);
  const vendor = detectVendor(ex.responseHeaders);
  const label = `${ex.status} ${entry.reason}`;
  if (entry.registry === 'unofficial') {
    if (!vendor) {
      return [
        {
          kind: 'vendor',
          text: `No header names the sender; ${label} usually comes from ${entry.origin}.`,
          ref: ex.status,
        },
      ];
    }
    if (sameVendor(vendor.name, entry.origin)) {
      return [
        {
          kind: 'vendor',
          text: `Sent by ${vendor.name} (${vendor.evidence}): ${label} is ${vendor.name}'s own code, not a registered HTTP status.`,
          ref: ex.status,
        },
      ];
    }
    return [
      {
        kind: 'vendor',
        text: `Answered through ${vendor.name} (${vendor.evidence}), but ${label} is normally ${entry.origin}'s code; ${entry.origin} may sit behind it.`,
        ref: ex.status,
      },
    ];
  }
  if (!vendor) return [];
  const text =
    ex.status >= 400
      ? `Answered through ${vendor.name} (${vendor.evidence}); this ${ex.status} may come from ${vendor.name} itself rather than the application.`
      : `Served through ${vendor.name} (${vendor.evidence}).`;
  return [{ kind: 'vendor', text }];
}
