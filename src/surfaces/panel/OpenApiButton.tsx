import { useRef } from 'react';
import { docsFromFiles } from '../../core/contract/load';
import { usePanelActions } from './actions';
import { usePanel } from './panel-context';

/**
 * Loads an OpenAPI description from the toolbar (with the files its relative `$ref`s name, when
 * several are chosen at once). It is stored like one loaded in the options
 * page (where its base URL can be set), so every open panel judges by it at once; problems with
 * it show in the Endpoints (coverage) view.
 */
export function OpenApiButton() {
  const input = useRef<HTMLInputElement>(null);
  const { loadContract } = usePanelActions();
  const setNotice = usePanel((s) => s.setNotice);
  const loaded = usePanel((s) => s.contracts?.outlines.length ?? 0);
  // Switched off on the options page: said here, or findings that vanished would look like a pass.
  const off = usePanel((s) => s.contractsOff);
  if (!loadContract) return null;
  return (
    <>
      <button
        type="button"
        onClick={() => input.current?.click()}
        title={`Check traffic against an OpenAPI 3.0/3.1 description (JSON or YAML); set its base URL in the options page${off.length > 0 ? `. Switched off there: ${off.join(', ')}` : ''}`}
      >
        OpenAPI{loaded > 0 ? ` (${loaded})` : ''}
        {off.length > 0 && (
          <>
            {' '}
            <span className="muted">· {off.length} off</span>
          </>
        )}
      </button>
      <input
        ref={input}
        type="file"
        accept=".yaml,.yml,.json,application/json,application/yaml"
        multiple
        hidden
        aria-label="Load OpenAPI description"
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          if (files.length === 0) return;
          void Promise.all(files.map(async (f) => ({ name: f.name, text: await f.text() }))).then(
            async (read) => {
              for (const doc of docsFromFiles(read)) await loadContract(doc);
            },
            () => setNotice(`${files.map((f) => f.name).join(', ')}: could not be read`),
          );
        }}
      />
    </>
  );
}
