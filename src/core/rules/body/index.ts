import type { Rule } from '../types';
import contentTypeMismatch from './content-type-mismatch';
import emptyError from './empty-error';
import htmlErrorPage from './html-error-page';
import invalidJson from './invalid-json';
import missingContentType from './missing-content-type';
import softError from './soft-error';
import statusMismatch from './status-mismatch';

export const BODY_RULES: readonly Rule[] = [
  invalidJson,
  missingContentType,
  contentTypeMismatch,
  htmlErrorPage,
  softError,
  emptyError,
  statusMismatch,
];
