export * from './types';
export * from './body';
export * from './normalize';
