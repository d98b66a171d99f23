export * from './pointer';
export * from './walk';
