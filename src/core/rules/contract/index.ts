import type { Rule } from '../types';
import contentType from './content-type';
import deprecatedOperation from './deprecated-operation';
import requiredHeader from './required-header';
import responseSchema from './response-schema';
import undocumentedOperation from './undocumented-operation';
import undocumentedStatus from './undocumented-status';

/** Rules that judge traffic by a loaded OpenAPI description; silent when none is loaded. */
export const CONTRACT_RULES: readonly Rule[] = [
  undocumentedOperation,
  undocumentedStatus,
  contentType,
  responseSchema,
  requiredHeader,
  deprecatedOperation,
];
