import { statusFamily } from '../core/exchange/family';

/** A status code coloured by its family; failed requests read "failed", never "0". */
export function StatusCode({ status }: { status: number }) {
  const fam = statusFamily(status);
  return (
    <span className={`status mono fam-${fam}`} data-family={fam}>
      {status === 0 ? '(failed)' : status}
    </span>
  );
}
