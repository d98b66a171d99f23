import { createContext, useContext } from 'react';
import type { CapturedContent } from '../../adapters/ports';
import type { ContractDoc } from '../../core/contract/load';
import type { NewVersion } from '../../core/contract/new-version';
import { runExportJob, type ExportJob } from './export-jobs';
import type { Settings } from '../../core/settings/schema';
import type { CaptureDiffReport } from '../../core/diff/capture/report';

/** Side-effecting panel commands, provided by main.tsx (real) or tests (fakes). */
export interface PanelActions {
  importFiles(files: File[]): void;
  /** Saves a file the user asked for (HAR or report). */
  download(fileName: string, mimeType: string, text: string): void;
  /**
   * Fetches a body that capture left alone (images are binary, so not fetched up front) when
   * the user asks to see it. Null when DevTools no longer holds it.
   */
  loadBody(id: string): Promise<CapturedContent | null>;
  /**
   * Checks and stores an OpenAPI description the user loaded from the toolbar (every panel
   * picks it up): a new version of a stored one keeps its settings (storeLoadedDescription).
   */
  loadContract?(doc: ContractDoc): Promise<NewVersion>;
  /** Builds an export's text off the panel's thread (the analysis worker). */
  exportText(job: ExportJob): Promise<string>;
  /**
   * "Compare with HAR…": the file compared, as before, with the live capture, in the analysis
   * worker. Absent: the button is not shown.
   */
  compareHar?(file: File, options: { ignoreHost: boolean }): Promise<CaptureDiffReport>;
  /**
   * Changes the stored settings from the panel (a profile switched on): `recipe` is applied to
   * the settings as stored when the change is saved, never to the panel's possibly older copy.
   * They come back through capture and re-analyse.
   */
  editSettings(recipe: (stored: Settings) => Settings): void;
}

const noop: PanelActions = {
  importFiles: () => {},
  download: () => {},
  loadBody: async () => null,
  exportText: async (job) => runExportJob(job),
  editSettings: () => {},
};

export const PanelActionsContext = createContext<PanelActions>(noop);

export const usePanelActions = () => useContext(PanelActionsContext);
