import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Validator } from '@cfworker/json-schema';
import { describe, expect, it } from 'vitest';
import type { JsonReportV1 } from '../../../src/core/report/json';
import { allRulesOffConfig, cli, fixture, ROOT } from './cli-harness';
import { parseXml, type XmlElement } from './xml-check';

/**
 * Every report format against its published schema: JSON against ours (shipped as
 * schemas/report-v1.schema.json, the JsonReportV1 type), SARIF against OASIS's SARIF 2.1.0
 * schema, JUnit against the Jenkins xUnit plugin's junit-10.xsd (sources: test/fixtures/schemas).
 */
const readJson = (path: string) => JSON.parse(readFileSync(resolve(ROOT, path), 'utf8')) as object;
const ours = new Validator(readJson('schemas/report-v1.schema.json') as never, '2020-12', false);
const sarif = new Validator(readJson('test/fixtures/schemas/sarif-schema-2.1.0.json') as never, '4', false);
const errorsOf = (v: Validator, doc: unknown) =>
  v.validate(doc).errors.map((e) => `${e.instanceLocation}: ${e.error}`);

const SPEC = 'test/fixtures/openapi/petstore-3.0.yaml';
/** Runs that between them make every part of a report: findings with pointers and profiles,
 * every kind of input problem, bodies over the cap, OpenAPI coverage, several files, none. */
const RUNS: [string, string[]][] = [
  ['a clean sample', [fixture('sample.har')]],
  [
    'every profile on',
    [fixture('sample.har'), fixture('tricky.har'), '-p', 'problem,hal,envelope,graphql,jsonapi'],
  ],
  [
    'broken entries and a cut file',
    [fixture('bad-entries.har'), fixture('truncated.har'), fixture('not-json.har')],
  ],
  ['hostile input', [fixture('hostile.har')]],
  ['a missing file', ['no/such/file.har']],
  ['bodies over the cap', [fixture('sample.har'), '--include-bodies-over', '10']],
  ['an OpenAPI description', ['test/fixtures/openapi/petstore-traffic.har', '--openapi', SPEC]],
  // Its rules (disk-envelope/body-shape…) are described in SARIF beside the built-ins.
  [
    'a profile of your own',
    [fixture('sample.har'), '--profile-file', 'examples/profiles/disk-envelope.json'],
  ],
];

describe('report formats validate against their schemas', () => {
  it.each(RUNS)('JSON report v1: %s', async (_name, args) => {
    const r = await cli(['lint', ...args, '--format', 'json', '--fail-on', 'none']);
    const report = JSON.parse(r.stdout) as JsonReportV1;
    expect(errorsOf(ours, report)).toEqual([]);
    expect(report.version).toBe(1);
  });

  it('says, as diff does, the --fail-on it ran with and whether a finding failed it (the exit code 1)', async () => {
    const config = allRulesOffConfig({ 'http/created-location': 'warning' });
    const run = async (failOn: string) => {
      const r = await cli(['lint', fixture('sample.har'), '-c', config, '-f', 'json', '--fail-on', failOn]);
      const report = JSON.parse(r.stdout) as JsonReportV1;
      expect(errorsOf(ours, report)).toEqual([]);
      expect(report.summary.findings.warning).toBeGreaterThan(0);
      return { code: r.code, failOn: report.failOn, failing: report.summary.failing };
    };
    expect(await run('warning')).toEqual({ code: 1, failOn: 'warning', failing: true });
    expect(await run('error')).toEqual({ code: 0, failOn: 'error', failing: false });
    expect(await run('none')).toEqual({ code: 0, failOn: 'none', failing: false });
  });

  it('rules off: no findings is still a valid report', async () => {
    const r = await cli(['lint', fixture('sample.har'), '-c', allRulesOffConfig(), '--format', 'json']);
    expect(errorsOf(ours, JSON.parse(r.stdout))).toEqual([]);
  });

  it('our schema rejects what the type forbids', () => {
    const valid = {
      version: 1,
      tool: { name: 'status-lens', version: '1' },
      profiles: [],
      exchanges: [],
      problems: [],
      summary: {
        exchanges: 0,
        families: { '1xx': 0, '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0, failed: 0, unknown: 0 },
        findings: { error: 0, warning: 0, info: 0 },
      },
    };
    expect(errorsOf(ours, valid)).toEqual([]);
    expect(errorsOf(ours, { ...valid, version: 2 })).not.toEqual([]);
    // failOn and summary.failing came later: optional, but typed.
    expect(
      errorsOf(ours, { ...valid, failOn: 'warning', summary: { ...valid.summary, failing: true } }),
    ).toEqual([]);
    expect(errorsOf(ours, { ...valid, failOn: 'sometimes' })).not.toEqual([]);
    expect(errorsOf(ours, { ...valid, summary: { ...valid.summary, failing: 'yes' } })).not.toEqual([]);
    expect(errorsOf(ours, { ...valid, extra: true })).not.toEqual([]);
    expect(
      errorsOf(ours, {
        ...valid,
        exchanges: [
          {
            file: 'a',
            index: 0,
            method: 'GET',
            url: 'u',
            status: 200,
            family: '2xx',
            reason: '',
            findings: [{ rule: 'r', severity: 'fatal', message: 'm', source: { label: 'l', url: 'u' } }],
          },
        ],
      }),
    ).not.toEqual([]);
  });

  it.each(RUNS)('SARIF 2.1.0: %s', async (_name, args) => {
    const r = await cli(['lint', ...args, '--format', 'sarif', '--fail-on', 'none']);
    expect(errorsOf(sarif, JSON.parse(r.stdout))).toEqual([]);
  });

  /** Every artifactLocation of a SARIF log: its results' and its notifications'. */
  function artifactLocations(run: {
    results: { locations: Loc[] }[];
    invocations: { toolExecutionNotifications: { locations: Loc[] }[] }[];
  }): Record<string, unknown>[] {
    return [
      ...run.results.map((x) => x.locations[0]!),
      ...run.invocations[0]!.toolExecutionNotifications.map((n) => n.locations[0]!),
    ].map((l) => l.physicalLocation.artifactLocation);
  }
  type Loc = { physicalLocation: { artifactLocation: Record<string, unknown> } };

  // GitHub code scanning refuses an upload whose results name no artifactLocation.uri
  // ("locationFromSarifResult: expected artifact location"; the SARIF validator's GH1001).
  it('SARIF 2.1.0: standard input is located at stdin.har, every location has a uri GitHub accepts', async () => {
    const r = await cli(['lint', fixture('sample.har'), '-', '--format', 'sarif', '--fail-on', 'none'], {
      stdin: readFileSync(fixture('bad-entries.har')),
    });
    const log = JSON.parse(r.stdout);
    expect(errorsOf(sarif, log)).toEqual([]);
    const run = log.runs[0];
    expect(run.artifacts).toEqual([
      { location: { uri: 'test/fixtures/har/sample.har' } },
      {
        location: { uri: 'stdin.har' },
        description: { text: 'standard input' },
        roles: ['analysisTarget', 'standardStream'],
      },
    ]);
    const places = artifactLocations(run);
    expect(places).toContainEqual({ uri: 'stdin.har' });
    expect(places).toContainEqual({ uri: 'test/fixtures/har/sample.har' });
    expect(places.filter((p) => typeof p.uri !== 'string' || p.uri === '')).toEqual([]);
  });

  it("SARIF 2.1.0: --stdin-filename is the uri of standard input's results", async () => {
    const r = await cli(
      [
        'lint',
        '-',
        '--stdin-filename',
        'recordings/bad entries.har',
        '--format',
        'sarif',
        '--fail-on',
        'none',
      ],
      { stdin: readFileSync(fixture('bad-entries.har')) },
    );
    const log = JSON.parse(r.stdout);
    expect(errorsOf(sarif, log)).toEqual([]);
    expect(log.runs[0].artifacts[0].location).toEqual({ uri: 'recordings/bad%20entries.har' });
    const places = artifactLocations(log.runs[0]);
    expect(places.length).toBeGreaterThan(0);
    expect(new Set(places.map((p) => JSON.stringify(p)))).toEqual(
      new Set([JSON.stringify({ uri: 'recordings/bad%20entries.har' })]),
    );
  });

  it('the SARIF schema does catch a broken log', () => {
    expect(errorsOf(sarif, { version: '2.1.0', runs: [{ tool: { driver: {} } }] })).not.toEqual([]);
    expect(
      errorsOf(sarif, {
        version: '2.1.0',
        runs: [{ tool: { driver: { name: 'x' } }, results: [{ level: 'fatal', message: { text: 'm' } }] }],
      }),
    ).not.toEqual([]);
  });

  it.each(RUNS)('JUnit (junit-10.xsd): %s', async (_name, args) => {
    const r = await cli(['lint', ...args, '--format', 'junit', '--fail-on', 'none']);
    expect(xsdErrors(parseXml(r.stdout))).toEqual([]);
  });

  it('the JUnit check does catch what the XSD forbids', () => {
    expect(xsdErrors(parseXml('<testsuites><testcase name="x"/></testsuites>'))).not.toEqual([]);
    expect(xsdErrors(parseXml('<testsuite name="a" tests="1" failures="0"/>'))).not.toEqual([]);
    expect(
      xsdErrors(parseXml('<testsuite name="a" tests="1" failures="0" errors="0" time="1s"/>')),
    ).not.toEqual([]);
    expect(
      xsdErrors(parseXml('<testsuite name="a" tests="1" failures="0" errors="0" colour="red"/>')),
    ).not.toEqual([]);
  });
});

/** What junit-10.xsd declares per element: children, attributes, text. */
interface Decl {
  children: Set<string>;
  attrs: Map<string, { required: boolean; type: string }>;
  mixed: boolean;
}

/**
 * Reads junit-10.xsd with the same strict XML reader and turns each global element into a
 * declaration. It handles the constructs that file uses: global elements with an inline
 * complexType or a named type (xs:string or a named complexType), sequences and choices of
 * element refs or local elements, attributes with `use`, mixed content, and one simpleType
 * pattern. Occurrence bounds and order are not checked (every choice there is unbounded).
 */
function readXsd(): { decls: Map<string, Decl>; patterns: Map<string, RegExp> } {
  const text = readFileSync(join(ROOT, 'test/fixtures/schemas/junit-10.xsd'), 'utf8').replace(
    /<!--[\s\S]*?-->/g,
    '',
  );
  const schema = parseXml(text);
  const patterns = new Map<string, RegExp>();
  const types = new Map<string, XmlElement>();
  for (const el of schema.children) {
    if (el.name === 'xs:simpleType') {
      const pattern = el.children[0]!.children.find((c) => c.name === 'xs:pattern')!.attrs.value!;
      patterns.set(el.attrs.name!, new RegExp(`^(?:${pattern})$`));
    }
    if (el.name === 'xs:complexType') types.set(el.attrs.name!, el);
  }
  const declOf = (type: XmlElement | undefined): Decl => {
    const d: Decl = { children: new Set(), attrs: new Map(), mixed: type?.attrs.mixed === 'true' };
    const walk = (node: XmlElement) => {
      for (const c of node.children) {
        if (c.name === 'xs:element') d.children.add(c.attrs.ref ?? c.attrs.name!);
        else if (c.name === 'xs:attribute')
          d.attrs.set(c.attrs.name!, {
            required: c.attrs.use === 'required',
            type: c.attrs.type ?? 'xs:string',
          });
        else walk(c);
      }
    };
    if (type) walk(type);
    return d;
  };
  const decls = new Map<string, Decl>();
  for (const el of schema.children) {
    if (el.name !== 'xs:element') continue;
    const inline = el.children.find((c) => c.name === 'xs:complexType');
    const named = el.attrs.type;
    if (named === 'xs:string')
      decls.set(el.attrs.name!, { children: new Set(), attrs: new Map(), mixed: true });
    else decls.set(el.attrs.name!, declOf(inline ?? types.get(named!)));
  }
  return { decls, patterns };
}

const XSD = readXsd();

function xsdErrors(root: XmlElement): string[] {
  const errors: string[] = [];
  if (root.name !== 'testsuites' && root.name !== 'testsuite')
    errors.push(`root <${root.name}> is not a suite`);
  const check = (el: XmlElement, where: string) => {
    const decl = XSD.decls.get(el.name);
    if (!decl) return void errors.push(`${where}: <${el.name}> is not declared`);
    for (const [name, a] of decl.attrs) {
      const value = el.attrs[name];
      if (value === undefined) {
        if (a.required) errors.push(`${where}: <${el.name}> lacks the required ${name}`);
        continue;
      }
      const pattern = XSD.patterns.get(a.type);
      if (pattern && !pattern.test(value)) errors.push(`${where}: ${name}="${value}" is not a ${a.type}`);
    }
    for (const name of Object.keys(el.attrs)) {
      if (!decl.attrs.has(name)) errors.push(`${where}: <${el.name}> may not have ${name}`);
    }
    if (!decl.mixed && el.text.trim() !== '') errors.push(`${where}: <${el.name}> may not hold text`);
    el.children.forEach((c, i) => {
      if (!decl.children.has(c.name)) errors.push(`${where}: <${el.name}> may not hold <${c.name}>`);
      else check(c, `${where}/${c.name}[${i}]`);
    });
  };
  check(root, root.name);
  return errors;
}
