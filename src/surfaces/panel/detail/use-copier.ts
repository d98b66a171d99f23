import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Exchange } from '../../../core/exchange/types';
import { usePanelActions } from '../actions';
import { usePanel } from '../panel-context';
import { copyToClipboard } from './clipboard';
import type { DetailCopy } from './detail-context';

const CONFIRM_MS = 1600;

/** How the confirmation words a copy the redaction changed: what the clipboard got, secrets or not. */
const HIDDEN = ' (secrets hidden)';
const INCLUDED = ' (includes secrets)';

export interface Copier extends DetailCopy {
  /**
   * Copies the redacted text, or the raw one when "Include secrets" is ticked; both are asked
   * for, so the confirmation can say whether the redaction hid anything.
   */
  redactable(what: string, redacted: Promise<string>, raw: Promise<string> | string): void;
}

const reason = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * The detail pane's copies of `exchange`, following the "Include secrets" box, and the
 * short-lived confirmation they leave ("Copied cURL command (secrets hidden)"). The redacted
 * text is built in the analysis worker, as every export is (export-jobs.ts), so a 5 MB body is
 * redacted off the panel's thread.
 */
export function useCopier(exchange: Exchange | undefined, includeSecrets: boolean): [Copier, string] {
  const redaction = usePanel((s) => s.settings.redaction);
  const { exportText } = usePanelActions();
  const [message, setMessage] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);

  const show = useCallback((text: string) => {
    setMessage(text);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => setMessage(''), CONFIRM_MS);
  }, []);

  const write = useCallback(
    (text: string, what: string, note = '') =>
      void copyToClipboard(text).then((ok) =>
        show(ok ? `Copied ${what}${note}` : `Could not copy ${what}: the clipboard is blocked here`),
      ),
    [show],
  );

  const redactable = useCallback(
    (what: string, redacted: Promise<string>, raw: Promise<string> | string) => {
      Promise.all([redacted, raw]).then(
        ([safe, asRecorded]) => {
          const changed = safe !== asRecorded;
          if (includeSecrets) write(asRecorded, what, changed ? INCLUDED : '');
          else write(safe, what, changed ? HIDDEN : '');
        },
        (e: unknown) => show(`Could not copy ${what}: ${reason(e)}`),
      );
    },
    [includeSecrets, write, show],
  );

  const copier = useMemo<Copier>(
    () => ({
      redactable,
      plain: (text, what) => write(text, what),
      part: (part, what, raw) => {
        if (!exchange) return;
        redactable(what, exportText({ kind: 'copy', part, exchange, redact: true, redaction }), raw);
      },
    }),
    [redactable, write, exchange, exportText, redaction],
  );
  return [copier, message];
}
