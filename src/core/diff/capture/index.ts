export * from './latency';
export * from './shape';
export * from './summary';
export * from './compare';
export * from './report';
export * from './markdown';
