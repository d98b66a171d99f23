import { usePanel } from './panel-context';

/** Placeholder until the detail view lands: shows what is selected. */
export function DetailPane() {
  const selectedId = usePanel((s) => s.selectedId);
  if (selectedId === null) return <p className="muted no-selection">Select a request to see its explanation and findings.</p>;
  return <p className="no-selection">Selected {selectedId}</p>;
}
