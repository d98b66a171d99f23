export * from './types';
export * from './headers';
export * from './family';
export * from './media';
