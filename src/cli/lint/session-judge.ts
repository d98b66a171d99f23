import { compareFindings } from '../../core/engine/analyze';
import { reportedFindings } from '../../core/export/reported';
import type { ActiveSessionRule } from '../../core/session/active';
import { SessionAnalyser } from '../../core/session/analyser';
import { unpackView } from '../../core/session/view';
import type { EntryOutcome } from './entry';

const NO_SCOPES: readonly string[] = [];

/** How many recent entries' lines a file's lint keeps for related locations. */
const LINE_RING = 4096;

/**
 * One file's session (core/session/analyser.ts), judged on the main thread in entry order,
 * whether the entries were linted in this thread or by workers: each outcome's session
 * findings join its own, and a rule that fails becomes a problem on that entry. The lines of
 * recent entries are kept (a fixed ring) so SARIF can point at the related entries a session
 * finding names; older ones are named by index only.
 */
export class SessionJudge {
  private readonly session: SessionAnalyser;
  private readonly lines = new Int32Array(LINE_RING * 2).fill(-1);

  constructor(rules: readonly ActiveSessionRule[]) {
    this.session = new SessionAnalyser(rules);
  }

  /** Judges an outcome that read as an exchange; adds what it finds to the outcome. */
  judge(o: EntryOutcome): void {
    const rec = o.record;
    if (!rec || !o.session) return;
    const { lines } = this;
    const slot = (rec.index % LINE_RING) * 2;
    lines[slot] = rec.index;
    lines[slot + 1] = rec.line;
    // The scopes come with the outcome (never asked of a view): none when no profile adjusts a rule.
    const ex = Array.isArray(o.session) ? unpackView(o.session) : o.session;
    const found = this.session.push(ex, rec.index, o.started ?? NaN, o.sessionScopes ?? NO_SCOPES);
    for (const p of found.problems)
      o.problems.push({
        kind: 'rule',
        index: rec.index,
        line: rec.line,
        path: `log.entries[${rec.index}]`,
        message: `rule ${p.rule} failed: ${p.message}`,
      });
    if (found.findings.length === 0) return;
    for (const f of found.findings)
      for (const r of f.related ?? []) {
        const at = (r.index % LINE_RING) * 2;
        if (lines[at] === r.index) r.line = lines[at + 1];
      }
    // Made after the entry's report: its named credentials are hidden here, as in its own findings.
    const said = o.known ? reportedFindings(found.findings, o.known) : found.findings;
    rec.findings = [...rec.findings, ...said].sort(compareFindings);
  }
}
