import { mdText } from '../../report/markdown';
import { fails } from '../../report/model';
import { TOOL_NAME } from '../../report/tool';
import { moreLine } from '../../text/first-few';
import type { EndpointChange } from './compare';
import { changeLines, endpointHeading, profilesText, severityCounts, type CaptureDiffReport } from './report';

/**
 * The comparison as a pull-request comment. Everything from the recordings (hosts, paths,
 * member names, finding messages) goes through mdText, so a capture cannot inject links,
 * HTML or table cells. Long comparisons are cut after MAX_MARKDOWN_ENDPOINTS endpoints
 * (GitHub refuses comments over 65,536 characters); the JSON report has them all.
 */
export const MAX_MARKDOWN_ENDPOINTS = 50;

const LABEL = {
  status: 'Status',
  new: 'New finding',
  resolved: 'Resolved',
  shape: 'Shape',
  latency: 'Latency',
};

const MARK: Record<EndpointChange, string> = { changed: '🔄', appeared: '🆕', vanished: '➖', unchanged: '' };

/** The heading over the endpoints of one kind that have nothing more to say than their name. */
const QUIET_HEADING: Record<Exclude<EndpointChange, 'unchanged'>, string> = {
  changed: 'Other changed endpoints',
  appeared: 'New endpoints without findings',
  vanished: 'Endpoints gone',
};

export function captureDiffMarkdown(r: CaptureDiffReport): string {
  const s = r.summary;
  const out: string[] = [
    `## ${TOOL_NAME} diff: ${mdText(r.before.file)} → ${mdText(r.after.file)}`,
    '',
    '| | before | after |',
    '| --- | --- | --- |',
    `| Requests | ${s.exchanges.before} | ${s.exchanges.after} |`,
    `| Endpoints | ${s.endpoints.before} | ${s.endpoints.after} |`,
    '',
    `**${s.endpoints.changed} changed, ${s.endpoints.appeared} appeared, ${s.endpoints.vanished} vanished.** ` +
      `New findings: ${severityCounts(s.newFindings)}. Resolved: ${severityCounts(s.resolvedFindings)}.`,
    '',
    // Which conventions judged both sides: a finding that "vanished" with a profile switched off is no fix.
    `Profiles: ${profilesText(r.profiles, mdText)}; failing at: ${r.failOn}.`,
    '',
  ];
  const shown = r.endpoints.filter((d) => d.change !== 'unchanged');
  // An endpoint with nothing to say past its heading (one that vanished, or appeared without a
  // finding) is a list item under one heading per kind, after the endpoints with details: a
  // section each would be an empty heading, and items between sections would read as the
  // previous endpoint's lines.
  const quiet = new Map<EndpointChange, string[]>();
  for (const d of shown.slice(0, MAX_MARKDOWN_ENDPOINTS)) {
    const lines = changeLines(d);
    if (lines.length === 0) {
      const items = quiet.get(d.change) ?? [];
      items.push(`- ${mdText(endpointHeading(d))}`);
      quiet.set(d.change, items);
      continue;
    }
    const failing = d.newFindings.some((f) => fails(f.severity, r.failOn));
    const mark = failing ? '❌' : MARK[d.change];
    out.push(`### ${mark} ${mdText(endpointHeading(d))}`, '');
    for (const l of lines) {
      const sev = l.severity ? ` (${l.severity})` : '';
      out.push(`- **${LABEL[l.kind]}${sev}:** ${mdText(l.text)}`);
    }
    out.push('');
  }
  for (const change of ['changed', 'appeared', 'vanished'] as const) {
    const items = quiet.get(change);
    if (items) out.push(`### ${MARK[change]} ${QUIET_HEADING[change]}`, '', ...items, '');
  }
  if (shown.length > MAX_MARKDOWN_ENDPOINTS) {
    out.push(
      `${moreLine(shown.length - MAX_MARKDOWN_ENDPOINTS)} changed endpoints (the JSON report lists them all).`,
      '',
    );
  }
  if (shown.length === 0) out.push('No endpoint changed.', '');
  const unsummarised = s.unsummarised.before + s.unsummarised.after;
  if (unsummarised > 0)
    out.push(`${unsummarised} requests to endpoints past the first 5,000 per capture were not compared.`, '');
  if (r.problems.length > 0) {
    out.push('### Input problems', '');
    for (const p of r.problems) {
      const where = [p.file, p.line].filter((x) => x !== undefined).join(':');
      out.push(`- ${mdText(`${where}: ${p.path ? `${p.path}: ` : ''}${p.message}`)}`);
    }
    out.push('');
  }
  return `${out.join('\n')}\n`;
}
