import { useEffect, useRef, useState } from 'react';
import { docsFromFiles } from '../../core/contract';
import { loadedLine, notStoredLine, prepareNewVersion } from '../../core/contract/new-version';
import { storeLoadedDescription } from '../../state/contract-load';
import type { UnreadableContract } from '../../adapters/ports';
import type { ContractDoc, ContractPart } from '../../core/contract/load';
import { useContractStore } from './contract-context';
import { rememberCheck } from './description-check';
import { StoredDescription } from './StoredDescription';
import { UnreadableDescription } from './UnreadableDescription';

interface LoadReport {
  kind: 'error' | 'ok';
  lines: string[];
}

/**
 * OpenAPI descriptions to check traffic against: loaded from files (picker or drop, several at
 * once: a description split across files brings the files its relative `$ref`s name), checked
 * here before anything is saved (a document that cannot be used is not stored), each with a
 * base URL for when the host that serves it is not one of its servers.
 */
export function OpenApiSection() {
  const store = useContractStore();
  const [docs, setDocs] = useState<ContractDoc[]>([]);
  const [unreadable, setUnreadable] = useState<UnreadableContract[]>([]);
  const [report, setReport] = useState<LoadReport | null>(null);
  const [over, setOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (!store) return;
    let live = true;
    const show = (d: ContractDoc[], u: UnreadableContract[]) => {
      setDocs(d);
      setUnreadable(u);
    };
    void store.read().then((r) => live && show(r.docs, r.unreadable));
    const off = store.subscribe(show);
    return () => {
      live = false;
      off();
    };
  }, [store]);
  if (!store) return null;

  const load = async (files: File[]) => {
    const lines: string[] = [];
    let failed = false;
    const read: ContractPart[] = [];
    for (const file of files) {
      try {
        // A dropped folder gives each file's path inside it, which tells same-named parts apart.
        read.push({ name: file.webkitRelativePath || file.name, text: await file.text() });
      } catch {
        failed = true;
        lines.push(`${file.name}: could not be read`);
      }
    }
    for (const doc of docsFromFiles(read)) {
      const r = await storeLoadedDescription(store, doc, docs, async (loaded, previous) => {
        const v = prepareNewVersion(loaded, previous);
        // Remembered before it is stored: the listing the store's news redraws need not prepare it again.
        if (v.ok) rememberCheck(v.doc, { ok: true, summary: v.summary, warnings: v.warnings });
        return v;
      });
      if (!r.ok) {
        failed = true;
        const hint =
          read.length > 1 || /not an OpenAPI document/.test(r.problem.message)
            ? ' (a file that a description refers to is loaded together with that description: choose or drop them at once)'
            : '';
        lines.push(`${notStoredLine(r)}${hint}`);
        continue;
      }
      lines.push(loadedLine(r, 'switch it on below to check traffic against it'), ...r.warnings);
    }
    setReport({ kind: failed ? 'error' : 'ok', lines });
  };

  return (
    <section aria-labelledby="openapi-heading">
      <h2 id="openapi-heading">OpenAPI descriptions</h2>
      <p className="muted">
        Check traffic against your API’s own OpenAPI 3.0 or 3.1 description (JSON or YAML). Stored on this
        computer only.
      </p>
      <div
        className={over ? 'drop-zone over' : 'drop-zone'}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          void load([...e.dataTransfer.files]);
        }}
      >
        Drop a description here (with the files its <code>$ref</code>s point to), or{' '}
        {/* The button is what a keyboard or screen reader reaches (the input is hidden): its name says
            what the files are, starting with its visible words. */}
        <button
          type="button"
          aria-label="Choose files: OpenAPI descriptions to import"
          onClick={() => input.current?.click()}
        >
          Choose files…
        </button>
        <input
          ref={input}
          type="file"
          multiple
          hidden
          aria-label="OpenAPI description file"
          accept=".yaml,.yml,.json,application/json,application/yaml"
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            e.target.value = '';
            if (files.length > 0) void load(files);
          }}
        />
      </div>
      {report && (
        <ul
          className={report.kind === 'error' ? 'load-report error' : 'load-report'}
          role={report.kind === 'error' ? 'alert' : 'status'}
        >
          {report.lines.map((l, i) => (
            <li key={i}>{l}</li>
          ))}
        </ul>
      )}
      {docs.length + unreadable.length > 0 && (
        <ul className="openapi-docs" aria-label="Loaded descriptions">
          {docs.map((d) => (
            // Keyed by the stored base URL too: a change made elsewhere resets the field.
            <StoredDescription key={`${d.name}\u0000${d.baseUrl ?? ''}`} doc={d} />
          ))}
          {unreadable.map((u, i) => (
            <UnreadableDescription key={`${i}\u0000${JSON.stringify(u.raw)}`} item={u} />
          ))}
        </ul>
      )}
    </section>
  );
}
