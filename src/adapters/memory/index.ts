// In-memory fakes of every port, for tests only (ESLint forbids importing them from src/).
// One file per port, named as its chrome adapter in src/adapters/chrome/.
export * from './badge';
export * from './contract-store';
export * from './devtools-search';
export * from './indexeddb-area';
export * from './network-source';
export * from './page-requester';
export * from './panel-presence';
export * from './permissions';
export * from './profile-store';
export * from './session-area';
export * from './settings-store';
export * from './storage-area';
export * from './summary';
export * from './tabs';
export * from './web-request';
