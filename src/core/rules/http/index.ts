import type { Rule } from '../types';
import createdLocation from './created-location';

export const HTTP_RULES: readonly Rule[] = [createdLocation];
