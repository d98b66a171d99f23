import type { Rule } from '../types';

export const BODY_RULES: readonly Rule[] = [];
