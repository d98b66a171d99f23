/**
 * How an imported row is named: its import's id (`har0`, never holding a '-'), a '-', then the
 * entry's index in the file. The importer names imports and rows by it; re-analysis reads it
 * back to judge each imported row in its own file's session.
 */
export function idPrefixOf(importId: string): string {
  return `${importId}-`;
}

/** The import an imported row came from. */
export function importOf(exchangeId: string): string {
  const dash = exchangeId.indexOf('-');
  return dash < 0 ? exchangeId : exchangeId.slice(0, dash);
}
