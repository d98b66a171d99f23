import type { Rule } from '../types';

export const HAL_RULES: readonly Rule[] = [];
