import type { Paint } from '../terminal';
import { safeText } from '../terminal';
import { fails } from '../../core/report/model';
import {
  changeLines,
  endpointHeading,
  profilesText,
  severityCounts,
  type CaptureDiffReport,
} from '../../core/diff/capture/report';
import { MAX_ENDPOINTS } from '../../core/diff/capture/summary';
import { countOf, nounFor } from '../../core/text/plural';

/** Unchanged endpoints are counted, not listed; the rest are all listed (text has no size limit). */
export function captureDiffText(r: CaptureDiffReport, p: Paint): string {
  const s = r.summary;
  const out: string[] = [
    p.bold(`${safeText(r.before.file)} → ${safeText(r.after.file)}`),
    `  requests ${s.exchanges.before} → ${s.exchanges.after}, endpoints ${s.endpoints.before} → ${s.endpoints.after}`,
    p.dim(`  profiles: ${profilesText(r.profiles, safeText)}`),
    '',
  ];
  for (const d of r.endpoints) {
    if (d.change === 'unchanged') continue;
    const mark =
      d.change === 'appeared' ? p.green('+') : d.change === 'vanished' ? p.red('-') : p.yellow('~');
    out.push(`${mark} ${p.bold(safeText(endpointHeading(d)))}`);
    for (const l of changeLines(d)) {
      const text = safeText(l.text);
      switch (l.kind) {
        case 'new':
          out.push(`    ${p.severity(l.severity!, `new ${l.severity}`)}  ${text}`);
          break;
        case 'resolved':
          out.push(`    ${p.green(`resolved ${l.severity}`)}  ${text}`);
          break;
        default:
          out.push(`    ${p.dim(l.kind)}  ${text}`);
      }
    }
  }
  const unchanged = r.endpoints.filter((d) => d.change === 'unchanged').length;
  const unsummarised = s.unsummarised.before + s.unsummarised.after;
  if (unsummarised > 0) {
    out.push(
      p.dim(
        `${countOf(unsummarised, 'request')} to endpoints past the first ${MAX_ENDPOINTS.toLocaleString('en-US')} per capture ${nounFor(unsummarised, 'was', 'were')} not compared`,
      ),
    );
  }
  const failing = r.endpoints.some((d) => d.newFindings.some((f) => fails(f.severity, r.failOn)));
  const badInput = r.problems.some((q) => q.kind !== 'rule');
  const icon =
    failing || badInput
      ? p.red('✖')
      : s.endpoints.changed + s.endpoints.appeared + s.endpoints.vanished > 0
        ? p.yellow('⚠')
        : p.green('✔');
  // The head ends with a blank line; with no endpoint listed under it, one is enough.
  if (out[out.length - 1] !== '') out.push('');
  out.push(
    `${icon} ${s.endpoints.changed} changed, ${s.endpoints.appeared} appeared, ${s.endpoints.vanished} vanished, ${unchanged} unchanged; ` +
      `new findings: ${severityCounts(s.newFindings)}; resolved: ${severityCounts(s.resolvedFindings)}`,
  );
  return `${out.join('\n')}\n`;
}
