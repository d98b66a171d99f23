// `npm run audit`: asks npm's advisory service about the dependencies the extension ships
// (`--omit=dev`) and says plainly which of three things happened. npm's own exit code is 1 both
// for "vulnerable" and for "could not ask", which reads as a pass or a fail depending on who
// looks; this script never reports a check it could not make as clean.
//
// Exit codes: 0 no known vulnerability, 1 vulnerabilities found, 2 the advisory service could not
// be asked (offline, proxy refusing POST, registry error) — the result is unknown.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * Packages that end up in the built extension: every lockfile entry npm does not mark as dev
 * or devOptional (devOptional covers type-only peers such as zustand's `@types/react`).
 */
export function shippedPackages(lock) {
  return Object.entries(lock.packages ?? {})
    .filter(([path, meta]) => path !== '' && !meta.dev && !meta.devOptional)
    .map(([path, meta]) => ({ name: path.replace(/^.*node_modules\//, ''), version: meta.version }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Reads `npm audit --json` output (auditReportVersion 2, or npm's error object). */
export function readAudit(text) {
  let report;
  try {
    report = JSON.parse(text);
  } catch {
    return { status: 'unreachable', reason: 'npm audit printed no JSON report' };
  }
  if (report === null || typeof report !== 'object' || !('vulnerabilities' in report)) {
    const status = typeof report?.statusCode === 'number' ? `HTTP ${report.statusCode}: ` : '';
    const message = report?.message ?? report?.error?.summary ?? 'no report';
    return { status: 'unreachable', reason: `${status}${message}`.trim() };
  }
  const advisories = [];
  for (const vuln of Object.values(report.vulnerabilities ?? {})) {
    for (const via of vuln.via ?? []) {
      // A string `via` names another vulnerable package; its own entry carries the advisory.
      if (typeof via === 'string') continue;
      advisories.push({
        name: via.name ?? vuln.name,
        severity: via.severity ?? vuln.severity,
        title: via.title ?? '',
        url: via.url ?? '',
        range: via.range ?? vuln.range ?? '',
      });
    }
  }
  return advisories.length === 0 ? { status: 'clean' } : { status: 'vulnerable', advisories };
}

export function exitCode(result) {
  return { clean: 0, vulnerable: 1, unreachable: 2 }[result.status];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
  const shipped = shippedPackages(lock);
  console.log(`Shipped dependencies (${shipped.length}):`);
  for (const p of shipped) console.log(`  ${p.name}@${p.version}`);

  let output;
  try {
    output = execFileSync('npm', ['audit', '--omit=dev', '--json'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch (error) {
    // npm exits 1 for findings and for failures alike; the JSON on stdout tells them apart.
    output = error.stdout ?? '';
  }
  const result = readAudit(output);
  if (result.status === 'clean') {
    console.log('npm audit: no known vulnerability in shipped dependencies.');
  } else if (result.status === 'vulnerable') {
    console.log(`npm audit: ${result.advisories.length} advisory(ies) affect shipped dependencies:`);
    for (const a of result.advisories) {
      console.log(`  ${a.severity.padEnd(8)} ${a.name} ${a.range}  ${a.title}  ${a.url}`);
    }
  } else {
    console.log(`npm audit could not ask the advisory service (${result.reason}).`);
    console.log('The result is unknown, not clean: run `npm run audit` where the registry is reachable.');
  }
  process.exit(exitCode(result));
}
