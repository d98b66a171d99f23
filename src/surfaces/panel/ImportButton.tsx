import { useRef } from 'react';
import { usePanelActions } from './actions';

export function ImportButton() {
  const input = useRef<HTMLInputElement>(null);
  const { importFiles } = usePanelActions();
  return (
    <>
      <button
        type="button"
        onClick={() => input.current?.click()}
        title="Import a HAR file (or drop one on the panel)"
      >
        Import HAR
      </button>
      <input
        ref={input}
        type="file"
        accept=".har,.json,application/json"
        multiple
        hidden
        aria-label="Import HAR file"
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          if (files.length > 0) importFiles(files);
        }}
      />
    </>
  );
}
