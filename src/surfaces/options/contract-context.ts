import { createContext, useContext } from 'react';
import type { ContractStore } from '../../adapters/ports';

/** Where the options page keeps OpenAPI descriptions (chrome.storage.local; a fake in tests). */
export const ContractStoreContext = createContext<ContractStore | null>(null);
export const useContractStore = () => useContext(ContractStoreContext);
