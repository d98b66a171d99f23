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

/** Browser download through a Blob URL: no downloads permission needed, nothing leaves the machine. */
export function downloadText(fileName: string, mimeType: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
