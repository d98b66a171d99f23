import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import { checkDraft, draftFrom, isNonIdempotent } from '../../../core/resend/draft';
import type { Row } from '../../../state/panel-store';
import { createResendStore, type ResendState, type ResendStore } from '../../../state/resend-store';
import type { ExchangeComparison } from '../../../core/diff/compare-exchanges';
import type { CompareJob } from '../compare-jobs';
import type { ResendService } from './resend-service';

/** The resend store and service (issue #19); absent where a test renders a part of the panel alone. */
export interface ResendWiring {
  store: ResendStore;
  service: ResendService;
  /** Compares two exchanges where the analysis runs (the worker), never on the panel's thread. */
  compare(job: CompareJob): Promise<ExchangeComparison>;
}

export const ResendContext = createContext<ResendWiring | null>(null);

/** A store nobody writes to, read when the panel has no resend wiring: every selector sees the empty state. */
const idle = createResendStore();

export function useResend<T>(selector: (s: ResendState) => T): T {
  const wiring = useContext(ResendContext);
  return useStore(wiring?.store ?? idle, selector);
}

export interface ResendCommands {
  /** Sends at once when nothing needs saying; else opens the editor (POST/PATCH, body not captured, a problem). */
  resend(row: Row): void;
  editAndResend(row: Row): void;
  toggleMark(id: string): void;
  /** Opens the comparison of two rows (before first). */
  compare(beforeId: string, afterId: string, kind?: 'resend' | 'pair'): void;
}

export function useResendCommands(): ResendCommands | null {
  const wiring = useContext(ResendContext);
  if (!wiring) return null;
  const { store, service } = wiring;
  return {
    resend(row) {
      const draft = draftFrom(row.exchange);
      if (
        isNonIdempotent(draft.method) ||
        draft.bodySource === 'not-captured' ||
        checkDraft(draft).length > 0
      )
        store.getState().openEditor(row.exchange.id, draft);
      else void service.send(row.exchange.id, draft);
    },
    editAndResend(row) {
      store.getState().openEditor(row.exchange.id, draftFrom(row.exchange));
    },
    toggleMark: (id) => store.getState().toggleMark(id),
    compare: (beforeId, afterId, kind = 'pair') => store.getState().compare({ beforeId, afterId, kind }),
  };
}
