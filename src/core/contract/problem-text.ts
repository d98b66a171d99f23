import type { ContractProblem } from './types';

/**
 * A load problem as the options page and the panel word it: the document, where in it (a JSON
 * Pointer, or `line N` for a syntax error) in brackets, then what is wrong. The CLI words it its
 * own way, file first as compilers do (cli/lint/contracts.ts).
 */
export function problemText(p: ContractProblem): string {
  return `${p.document}${p.location ? ` (${p.location})` : ''}: ${p.message}`;
}
