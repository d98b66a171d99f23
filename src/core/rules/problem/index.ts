import type { Rule } from '../types';

export const PROBLEM_RULES: readonly Rule[] = [];
