export * from './exchange';
export * from './har';
export * from './json';
export * from './rules/types';
export * from './rules/registry';
export * from './engine/analyze';
export * from './engine/context';
export * from './settings';
