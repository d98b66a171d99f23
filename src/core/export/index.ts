export * from './redact';
export * from './query';
export * from './curl';
export * from './fetch';
export * from './har';
export { prepareRequest, isReplayableHeader, type PreparedRequest } from './shared';
