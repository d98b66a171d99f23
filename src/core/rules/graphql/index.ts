import type { Rule } from '../types';
import errorsShape from './errors-shape';
import getQuery from './get-query';
import responseShape from './response-shape';
import statusCode from './status-code';

export const GRAPHQL_RULES: readonly Rule[] = [statusCode, responseShape, errorsShape, getQuery];
