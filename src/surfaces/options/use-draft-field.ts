import { useEffect, useId, useRef, useState, type ChangeEvent, type KeyboardEvent } from 'react';
import { useOptions } from './options-context';

/** What a field's text means: a value to save, or why it cannot be one. */
export type FieldReading<T> = { ok: true; value: T } | { ok: false; message: string };

export interface DraftFieldSpec<T> {
  /** The field as the page's save status names it while it holds an unsaved draft. */
  field: string;
  /** The saved value as the field shows it when nobody is editing. */
  shown: string;
  /** The saved value as a sentence names it ("7", "its default, 1,000", "5 MiB"). */
  inForce: string;
  read: (text: string) => FieldReading<T>;
  /** Saves; a refusal's message, or null once saved. */
  save: (value: T) => string | null;
  /** Enter saves (a text input); a textarea leaves Enter to new lines and saves when left. */
  enterSaves: boolean;
}

export interface DraftField {
  value: string;
  /** The message under the field: what is wrong as the user types, or why a save was refused. */
  problem: string | null;
  /** The user tried to save and nothing was: the message is an alert, not a hint. */
  refused: boolean;
  onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => void;
  onBlur: () => void;
  onKeyDown: (e: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => void;
}

/**
 * The one behaviour of the options page's typed settings (rule thresholds, capture numbers,
 * redaction lists): what is typed is a draft, checked as it changes and saved only when the user
 * is done (leaves the field, or presses Enter in a one-line field). Saving every keystroke would
 * put each prefix in force on the way ("700000" saves 70000, "1.5" saves 1) and then name that
 * prefix as the value kept. A draft that cannot be saved saves nothing, so the value in force is
 * still the one from before the edit began, and the message says so. Esc gives the draft up.
 */
export function useDraftField<T>(spec: DraftFieldSpec<T>): DraftField {
  // null: nobody is editing, the field shows what is saved.
  const [draft, setDraft] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const reading = draft === null ? null : spec.read(draft);

  // The page's save status says a draft is waiting (App.tsx): "Saved" beside a field still
  // being typed in would claim the typed value is in force. Gone with the field (a reset).
  const key = useId();
  const setDraftOf = useOptions((s) => s.setDraft);
  const unsaved = draft !== null && draft !== spec.shown;
  const valid = reading?.ok === true;
  useEffect(() => {
    setDraftOf(key, unsaved ? { field: spec.field, enterSaves: spec.enterSaves, valid } : null);
  }, [setDraftOf, key, unsaved, spec.field, spec.enterSaves, valid]);
  useEffect(() => () => setDraftOf(key, null), [setDraftOf, key]);

  const finish = () => {
    if (draft === null) return;
    if (draft === spec.shown) {
      // Typed back to what is saved: nothing to write.
      setDraft(null);
      setRefusal(null);
      return;
    }
    const r = spec.read(draft);
    if (!r.ok) {
      setRefusal(`${r.message}. Not saved: ${spec.inForce} stays in force.`);
      return;
    }
    const problem = spec.save(r.value);
    setRefusal(problem);
    if (problem === null) setDraft(null);
  };

  // Closing the page blurs nothing: a draft that can be saved is saved then, in the capture
  // phase, so before the page's own pagehide listener writes pending edits (main.tsx).
  const onPageHide = useRef(finish);
  onPageHide.current = finish;
  useEffect(() => {
    const hide = () => onPageHide.current();
    window.addEventListener('pagehide', hide, { capture: true });
    return () => window.removeEventListener('pagehide', hide, { capture: true });
  }, []);

  return {
    value: draft ?? spec.shown,
    problem: refusal ?? (reading && !reading.ok ? `${reading.message}.` : null),
    refused: refusal !== null,
    onChange: (e) => {
      setDraft(e.currentTarget.value);
      setRefusal(null);
    },
    onBlur: finish,
    onKeyDown: (e) => {
      if (e.key === 'Enter' && spec.enterSaves) {
        e.preventDefault();
        finish();
      } else if (e.key === 'Escape' && draft !== null) {
        e.preventDefault();
        setDraft(null);
        setRefusal(null);
      }
    },
  };
}
