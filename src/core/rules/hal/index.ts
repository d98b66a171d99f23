import type { Rule } from '../types';
import contentType from './content-type';
import embeddedShape from './embedded-shape';
import linkShape from './link-shape';
import resourceRoot from './resource-root';
import selfLink from './self-link';
import templated from './templated';

export const HAL_RULES: readonly Rule[] = [
  contentType,
  resourceRoot,
  linkShape,
  embeddedShape,
  selfLink,
  templated,
];
