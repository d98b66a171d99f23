import type * as Sarif from 'sarif';
import { coverageJson } from './coverage';
import { BUILTIN_RULES as RULES } from '../profiles/registry';
import type { Finding, AnyRule, Severity } from '../rules/types';
import { atBodyPlace } from './body-place';
import { clip, clipReported, showInvisible, stableHash, TOOL_NAME, ruleDocPath } from './tool';
import type { ExchangeRecord, FileRecord, InputProblem, LintReport } from './model';
import {
  JsonArrayWriter,
  jsonAround,
  renderReport,
  type ReportHeader,
  type ReportWriter,
  type SpoolFactory,
  type TextSink,
} from './writer';

const LEVEL: Record<Severity, Sarif.ReportingConfiguration.level> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
};

function ruleName(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
}

function sarifRule(rule: AnyRule, builtin = true): Sarif.ReportingDescriptor {
  // A rule of the user's own profile has no page under docs/rules: its source is the API's guide.
  const doc = builtin ? ruleDocPath(rule.id) : undefined;
  return {
    id: rule.id,
    name: ruleName(rule.id),
    shortDescription: { text: rule.description },
    fullDescription: { text: `${rule.description} (${rule.source.label})` },
    help: {
      text: `${rule.description}\n\nSource: ${rule.source.label} ${rule.source.url}${doc ? `\nDocumentation: ${doc}` : ''}`,
      markdown: `${rule.description}\n\nSource: [${rule.source.label}](${rule.source.url})${doc ? `\n\nDocumentation: \`${doc}\`` : ''}`,
    },
    helpUri: rule.source.url,
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: { tags: ['http', rule.group], group: rule.group },
  };
}

/** Stable across runs: rule, method, status and URL without its query (which often holds nonces). */
function fingerprint(ex: ExchangeRecord, rule: string, pointer: string | undefined): string {
  const q = ex.url.search(/[?#]/);
  const base = q === -1 ? ex.url : ex.url.slice(0, q);
  return stableHash([rule, ex.method, String(ex.status), base, pointer ?? ''].join('\u0000'));
}

/**
 * An input's artifact. Standard input has a URI too (GitHub code scanning refuses results
 * without one): its --stdin-filename, or "stdin.har". SARIF 2.1.0's `standardStream` role and a
 * description say it was read from standard input, not from a file at that path.
 */
function artifact(f: FileRecord): Sarif.Artifact {
  if (!f.standardInput) return { location: { uri: f.uri } };
  return {
    location: { uri: f.uri },
    description: { text: 'standard input' },
    roles: ['analysisTarget', 'standardStream'],
  };
}

function location(
  where: { uri: string },
  line: number | undefined,
  index: number | undefined,
): Sarif.Location {
  const loc: Sarif.Location = {
    physicalLocation: {
      artifactLocation: { uri: where.uri },
      region: { startLine: line !== undefined && line > 0 ? line : 1 },
    },
  };
  if (index !== undefined) {
    loc.logicalLocations = [
      { name: `entries[${index}]`, fullyQualifiedName: `log.entries[${index}]`, kind: 'object' },
    ];
  }
  return loc;
}

function notification(p: InputProblem): Sarif.Notification {
  return {
    level: p.kind === 'rule' ? 'warning' : 'error',
    message: { text: showInvisible(`${p.path ? `${p.path}: ` : ''}${clipReported(p.message)}`) },
    locations: [location(p, p.line, p.index)],
  };
}

function result(ex: ExchangeRecord, f: Finding, ruleIndex: ReadonlyMap<string, number>): Sarif.Result {
  const at = f.pointer !== undefined ? ` (${atBodyPlace(f.pointer, 500)})` : '';
  const out: Sarif.Result = {
    ruleId: f.rule,
    level: LEVEL[f.severity],
    message: {
      text: showInvisible(
        `${clipReported(f.message)}${at} — ${clip(ex.method, 100)} ${clip(ex.url, 500)} → ${ex.status}${ex.reason ? ` ${clip(ex.reason, 200)}` : ''}`,
      ),
    },
    locations: [location(ex, ex.line, ex.index)],
    partialFingerprints: { 'statusLensFinding/v1': fingerprint(ex, f.rule, f.pointer) },
    properties: {
      method: clipReported(ex.method),
      url: clipReported(ex.url),
      status: ex.status,
      ...(f.pointer !== undefined ? { pointer: clipReported(f.pointer) } : {}),
      ...(f.profile !== undefined ? { profile: f.profile } : {}),
    },
  };
  // Session findings (issue #18): the earlier entries of the pattern, as SARIF related locations.
  if (f.related && f.related.length > 0)
    out.relatedLocations = f.related.map((r, i) => ({
      id: i + 1,
      ...location(ex, r.line, r.index),
      message: { text: showInvisible(`log.entries[${r.index}]: ${clipReported(r.note)}`) },
    }));
  const idx = ruleIndex.get(f.rule);
  if (idx !== undefined) out.ruleIndex = idx;
  return out;
}

const RESULTS = '\u0000results' as const;

/** The log with a marker where the results go (they are written one by one, see jsonAround). */
type SarifLogSkeleton = Omit<Sarif.Log, 'runs'> & {
  runs: (Omit<Sarif.Run, 'results'> & { results: typeof RESULTS })[];
};

/**
 * SARIF 2.1.0 in the shape GitHub code scanning accepts: one run, every rule described
 * under the driver, one result per finding located at the HAR file (line of its entry) and
 * logically at `log.entries[i]`. Input problems become tool execution notifications.
 *
 * Notifications and artifacts come before the results in the document but are known only
 * at the end, so results are spooled as they come and written after them.
 */
export function sarifWriter(out: TextSink, header: ReportHeader, spool: SpoolFactory): ReportWriter {
  // The built-ins, then the rules the user's own profiles generate: a result's ruleIndex must
  // point at its descriptor, and a viewer shows the descriptor's help beside the alert.
  const rules = [...RULES, ...(header.extraRules ?? []).filter((r) => !RULES.some((b) => b.id === r.id))];
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const held = spool();
  const results = new JsonArrayWriter(held, '      ');
  return {
    exchange(ex) {
      for (const f of ex.findings) results.item(result(ex, f, ruleIndex));
    },
    problem: () => undefined,
    file: () => undefined,
    end(totals) {
      results.close();
      const inputErrors = totals.problems.some((p) => p.kind !== 'rule');
      const doc: SarifLogSkeleton = {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [
          {
            tool: {
              driver: {
                name: TOOL_NAME,
                version: header.toolVersion,
                semanticVersion: header.toolVersion,
                rules: rules.map((r, i) => sarifRule(r, i < RULES.length)),
              },
            },
            invocations: [
              {
                executionSuccessful: !inputErrors,
                toolExecutionNotifications: totals.problems.map(notification),
              },
            ],
            artifacts: [...totals.files].sort((a, b) => a.source - b.source).map(artifact),
            results: RESULTS,
            properties: {
              profiles: header.profiles,
              ...(totals.coverage ? { openapiCoverage: coverageJson(totals.coverage) } : {}),
            },
          },
        ],
      };
      const { before, after, indent } = jsonAround(doc, RESULTS);
      if (indent !== '      ') throw new Error('SARIF layout changed: results are not where expected');
      out.write(before);
      try {
        held.replayInto(out);
      } finally {
        held.dispose();
      }
      out.write(`${after}\n`);
    },
  };
}

export function formatSarif(report: LintReport): string {
  return renderReport(report, sarifWriter);
}
