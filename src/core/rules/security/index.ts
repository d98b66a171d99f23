import type { Rule } from '../types';

export const SECURITY_RULES: readonly Rule[] = [];
