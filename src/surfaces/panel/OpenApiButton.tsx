import { useRef } from 'react';
import { usePanelActions } from './actions';
import { usePanel } from './panel-context';

/**
 * Loads an OpenAPI description from the toolbar. It is stored like one loaded in the options
 * page (where its base URL can be set), so every open panel judges by it at once; problems with
 * it show in the Endpoints (coverage) view.
 */
export function OpenApiButton() {
  const input = useRef<HTMLInputElement>(null);
  const { loadContract } = usePanelActions();
  const setNotice = usePanel((s) => s.setNotice);
  const loaded = usePanel((s) => s.contracts?.outlines.length ?? 0);
  if (!loadContract) return null;
  return (
    <>
      <button
        type="button"
        onClick={() => input.current?.click()}
        title="Check traffic against an OpenAPI 3.0/3.1 description (JSON or YAML); set its base URL in the options page"
      >
        OpenAPI{loaded > 0 ? ` (${loaded})` : ''}
      </button>
      <input
        ref={input}
        type="file"
        accept=".yaml,.yml,.json,application/json,application/yaml"
        hidden
        aria-label="Load OpenAPI description"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (!file) return;
          void file.text().then(
            (text) => loadContract({ name: file.name, text }),
            () => setNotice(`${file.name}: could not be read`),
          );
        }}
      />
    </>
  );
}
