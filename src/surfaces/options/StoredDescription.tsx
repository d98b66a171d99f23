import { useState } from 'react';
import { checkBaseUrl } from '../../core/contract';
import type { ContractDoc } from '../../core/contract/load';
import { formatBytes } from '../../core/units/bytes';
import { useContractStore } from './contract-context';
import { useDescriptionCheck } from './description-check';
import { DescriptionWarnings } from './DescriptionWarnings';
import { RemoveButton } from './RemoveButton';

/**
 * One stored description: a switch (off keeps it, text and base URL, without checking traffic
 * against it), what it is and what loading it warned of, its base-URL override, and Remove.
 */
export function StoredDescription({ doc }: { doc: ContractDoc }) {
  const store = useContractStore()!;
  const [baseUrl, setBaseUrl] = useState(doc.baseUrl ?? '');
  const [error, setError] = useState<string | null>(null);
  const check = useDescriptionCheck(doc);
  const save = () => {
    const v = baseUrl.trim();
    if (v === (doc.baseUrl ?? '')) return;
    const why = v === '' ? undefined : checkBaseUrl(v);
    setError(why ?? null);
    if (why) return;
    const { baseUrl: _old, ...rest } = doc;
    void store.put(v === '' ? rest : { ...rest, baseUrl: v });
  };
  const toggle = (on: boolean) =>
    void store.setOff(doc.name, !on).then(
      () => setError(null),
      (e: unknown) =>
        setError(`${doc.name} was not switched ${on ? 'on' : 'off'}: ${String((e as Error)?.message ?? e)}`),
    );
  const id = `openapi-base-${doc.name}`;
  return (
    <li className={doc.off ? 'openapi-doc off' : 'openapi-doc'} data-description={doc.name}>
      <label className="switch-row">
        <input
          type="checkbox"
          role="switch"
          checked={!doc.off}
          onChange={(e) => toggle(e.currentTarget.checked)}
        />
        <strong className="switch-label mono">{doc.name}</strong>
      </label>{' '}
      <span className="muted">
        {/* Characters, not UTF-8 bytes: the same for the ASCII most descriptions are, and free to count. */}
        {formatBytes(doc.text.length)}
        {doc.parts && doc.parts.length > 0 ? `, with ${doc.parts.map((p) => p.name).join(', ')}` : ''}
        {check?.ok && `: ${check.summary}`}
      </span>
      {doc.off && (
        <p className="muted one-line">Off: kept with its base URL, but traffic is not checked against it.</p>
      )}
      {check && !check.ok && <p className="error">Cannot be used to check traffic: {check.problem}</p>}
      {check?.ok && <DescriptionWarnings name={doc.name} warnings={check.warnings} />}
      <div>
        <label htmlFor={id}>Served at (base URL, in place of its servers)</label>{' '}
        <input
          id={id}
          type="url"
          placeholder="e.g. http://localhost:8080/api"
          value={baseUrl}
          onChange={(e) => setBaseUrl(e.target.value)}
          onBlur={save}
          onKeyDown={(e) => e.key === 'Enter' && save()}
        />{' '}
        <RemoveButton
          name={doc.name}
          consequence="Its text and base URL are deleted from this computer (load the file again to bring it back). To stop checking traffic against it but keep it, switch it off instead."
          onRemove={() => void store.remove(doc.name)}
        />
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}
