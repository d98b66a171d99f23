import { createContext, useContext } from 'react';
import type { CopyPart } from '../copy-parts';

/**
 * The detail pane's copy buttons. Whatever holds the exchange's values goes through `part`:
 * redacted as an export is unless the user ticked "Include secrets" in the detail header, so one
 * choice governs every copy of the pane. A confirmation names what was copied, and says when
 * secrets were hidden or left in.
 */
export interface DetailCopy {
  /** Text that quotes none of the exchange's values (a JSON Pointer): copied as it is. */
  plain(text: string, what: string): void;
  /** A part of the selected exchange; `raw` is that part as recorded (what a ticked box copies). */
  part(part: CopyPart, what: string, raw: string): void;
}

export const CopyContext = createContext<DetailCopy>({ plain: () => {}, part: () => {} });

export const useCopy = () => useContext(CopyContext);
