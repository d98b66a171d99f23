import { useRef } from 'react';
import { docsFromFiles, type ContractPart } from '../../core/contract/load';
import { loadedLine, notStoredLine } from '../../core/contract/new-version';
import { usePanelActions, type PanelActions } from './actions';
import { usePanel } from './panel-context';

/**
 * Stores each description among the files read, and says in the status bar what became of
 * each: stored, updated (a new version of a stored one, keeping its settings), or refused.
 */
async function loadAll(
  loadContract: NonNullable<PanelActions['loadContract']>,
  read: readonly ContractPart[],
): Promise<string> {
  const lines: string[] = [];
  for (const doc of docsFromFiles(read)) {
    try {
      const r = await loadContract(doc);
      lines.push(r.ok ? loadedLine(r, OFF_HINT) : notStoredLine(r));
    } catch (e) {
      lines.push(`${doc.name}: not saved: ${String((e as Error)?.message ?? e)}`);
    }
  }
  return lines.join(' · ');
}

const OFF_HINT = 'switch it on in the options page to check traffic against it';

/**
 * Loads an OpenAPI description from the toolbar (with the files its relative `$ref`s name, when
 * several are chosen at once). It is checked and stored as the options page stores one (where
 * its base URL can be set): one that cannot be used is not stored, and a new version of a
 * stored description keeps its base URL and switch. Every open panel judges by it at once.
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
            async (read) => setNotice(await loadAll(loadContract, read)),
            () => setNotice(`${files.map((f) => f.name).join(', ')}: could not be read`),
          );
        }}
      />
    </>
  );
}
