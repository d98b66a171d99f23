import { createContext, useContext } from 'react';

/** Side-effecting panel commands, provided by main.tsx (real) or tests (fakes). */
export interface PanelActions {
  importFiles(files: File[]): void;
  /** Saves a file the user asked for (HAR or report). */
  download(fileName: string, mimeType: string, text: string): void;
}

const noop: PanelActions = { importFiles: () => {}, download: () => {} };

export const PanelActionsContext = createContext<PanelActions>(noop);

export const usePanelActions = () => useContext(PanelActionsContext);
