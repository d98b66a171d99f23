import type { Rule } from '../types';
import aboutBlankTitle from './about-blank-title';
import contentType from './content-type';
import errorsShape from './errors-shape';
import onSuccess from './on-success';
import shape from './shape';
import statusMatch from './status-match';
import titleDetail from './title-detail';

export const PROBLEM_RULES: readonly Rule[] = [
  contentType,
  onSuccess,
  shape,
  statusMatch,
  titleDetail,
  errorsShape,
  aboutBlankTitle,
];
