export * from './types';
export * from './body';
export * from './normalize';
export * from './json-error';
export * from './entry-reader';
