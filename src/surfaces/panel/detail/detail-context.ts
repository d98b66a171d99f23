import { createContext, useContext } from 'react';

/** Copies text and shows a short confirmation in the detail header; `what` names what was copied. */
export type Copier = (text: string, what: string) => void;

export const CopyContext = createContext<Copier>(() => {});

export const useCopy = () => useContext(CopyContext);
