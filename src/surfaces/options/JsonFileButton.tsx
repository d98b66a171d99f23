import type { ChangeEvent } from 'react';

/**
 * A JSON file picker shown as a button: the visible words ("Import settings…") on a label, the
 * input inside it named for what it takes ("Import settings from a JSON file"). The name starts
 * with the visible words, so voice control's "click Import settings" finds it.
 */
export function JsonFileButton({
  what,
  onFile,
}: {
  /** What it imports, as the button says it after "Import": "settings", "profile". */
  what: string;
  onFile: (e: ChangeEvent<HTMLInputElement>) => Promise<void>;
}) {
  return (
    <label className="file-button">
      Import {what}…
      <input
        type="file"
        accept=".json,application/json"
        aria-label={`Import ${what} from a JSON file`}
        onChange={(e) => void onFile(e)}
      />
    </label>
  );
}
