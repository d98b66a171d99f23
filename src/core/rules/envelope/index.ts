import type { Rule } from '../types';

export const ENVELOPE_RULES: readonly Rule[] = [];
