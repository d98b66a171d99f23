import type { Rule } from '../types';
import errorsList from './errors-list';
import expectedStatus from './expected-status';
import jsonOnly from './json-only';
import msgList from './msg-list';
import queueToken from './queue-token';

export const ENVELOPE_RULES: readonly Rule[] = [jsonOnly, errorsList, msgList, queueToken, expectedStatus];
