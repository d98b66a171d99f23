import type { Row } from '../../state/panel-store';
import type { Analyzer } from './analyzer';
import { importOf } from './import-ids';
import { bySession } from './sessions';

/**
 * Sends listed rows to be analysed again (the settings or the OpenAPI descriptions changed),
 * each in its own session — the live rows' or its imported file's — in the order that session
 * first judged them: arrival order, which for a file is its entry order (the list's own order
 * is request order, which the live session never saw). `replay`: the session rules changed, so
 * each session begins again with these rows as its history, and a row shows what a panel
 * opened with the new settings would have said of it. Otherwise each row gets back what its
 * session said of it before. The worker does the analysing, sent a batch at a time; a newer
 * change supersedes what is still unsent of an older one (analyze-outbox.ts). This thread only
 * sorts and posts.
 */
export function analyseAgain(
  analyzer: Pick<Analyzer, 'analyze'>,
  rows: readonly Row[],
  replay: boolean,
): void {
  if (rows.length === 0) return;
  const sessions = bySession(rows, (r) => (r.imported ? importOf(r.exchange.id) : undefined));
  for (const [session, group] of sessions) {
    group.sort((a, b) => a.seq - b.seq);
    analyzer.analyze(
      group.map((r) => r.exchange),
      { ...(session !== undefined ? { session } : {}), ...(replay ? { replay } : {}), again: true },
    );
  }
}
