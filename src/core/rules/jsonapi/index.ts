import type { Rule } from '../types';
import errorStatus from './error-status';
import mediaTypeParameters from './media-type-parameters';
import resourceIdentity from './resource-identity';
import topLevel from './top-level';

export const JSONAPI_RULES: readonly Rule[] = [mediaTypeParameters, topLevel, errorStatus, resourceIdentity];
