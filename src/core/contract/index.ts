export {
  prepareContract,
  HTTP_METHODS,
  type ContractSource,
  type PrepareOptions,
  type PrepareResult,
} from './prepare';
export { matchExchange, responseFor } from './match';
export { checkValue, operationLabel, mediaFor, MAX_VIOLATIONS_PER_EXCHANGE } from './check';
export { MAX_DOCUMENT_CHARS } from './parse';
export { checkBaseUrl } from './servers';
export { problemText } from './problem-text';
export type { RefLoader } from './refs';
export type { Violation } from './validate';
export type * from './types';
export {
  CoverageTracker,
  outlineOf,
  summarizeMatch,
  type ContractOutline,
  type CoverageReport,
  type MatchSummary,
  type OperationCoverage,
  type UndocumentedOperation,
} from './coverage';
export {
  prepareAll,
  prepareDoc,
  docsFromFiles,
  isContractDoc,
  type ContractDoc,
  type ContractPart,
  type ContractsStatus,
} from './load';
