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
export type { RefLoader } from './refs';
export type { Violation } from './validate';
export type * from './types';
