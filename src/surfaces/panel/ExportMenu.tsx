import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { selectVisibleInRequestOrder, selectVisibleRows } from '../../state/panel-selectors';
import { usePanelActions } from './actions';
import { usePanel, usePanelApi } from './panel-context';
import type { ExportJob } from './export-jobs';
import { REPORT_FILES, REPORT_FORMATS, type ReportFormat } from './reports';
import { reportRows } from './report-rows';
import { enabledProfileIds } from '../../core/profiles/enabled';

function stamp(): string {
  return new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
}

function menuItems(menu: HTMLElement | null): HTMLElement[] {
  return [...(menu?.querySelectorAll<HTMLElement>('[role^="menuitem"]') ?? [])];
}

type Open = false | 'first' | 'last';

/**
 * Exports what the list shows, in request order whatever the list is sorted by: a HAR (secrets redacted unless asked) or a findings report.
 * A menu button (ARIA menu pattern): arrows, Home and End move between items, Escape closes and
 * returns to the button, Tab or a click outside closes, and an export returns focus to the button.
 */
export function ExportMenu() {
  const [raw, setRaw] = useState(false);
  const [open, setOpen] = useState<Open>(false);
  const { download, exportText } = usePanelActions();
  const store = usePanelApi();
  const shown = usePanel((s) => selectVisibleRows(s).length);
  const menuId = useId();
  const root = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const list = menuItems(menu.current);
    (open === 'last' ? list.at(-1) : list[0])?.focus();
    const onPointerDown = (e: PointerEvent) => {
      if (!(e.target instanceof Node) || !root.current?.contains(e.target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const close = () => {
    setOpen(false);
    trigger.current?.focus();
  };

  // Built in the analysis worker: redacting megabytes of bodies must not freeze the panel.
  const run = (job: ExportJob, fileName: string, mimeType: string) => {
    close();
    exportText(job).then(
      (text) => download(fileName, mimeType, text),
      (e: unknown) => store.getState().setNotice(`Export failed: ${String((e as Error)?.message ?? e)}`),
    );
  };

  const exportHar = () => {
    const state = store.getState();
    const job: ExportJob = {
      kind: 'har',
      exchanges: selectVisibleInRequestOrder(state).map((r) => r.exchange),
      redact: !raw,
      redaction: state.settings.redaction,
      creator: { name: 'Status Lens', version: __STATUS_LENS_VERSION__ },
    };
    run(job, `status-lens-${stamp()}.har`, 'application/json');
  };

  const exportReport = (format: ReportFormat) => {
    const state = store.getState();
    const job: ExportJob = {
      kind: 'report',
      format,
      rows: reportRows(state),
      // The profiles the rows were judged with, as the CLI's report names them: not an id whose
      // document was deleted (it judges nothing).
      settings: { profiles: enabledProfileIds(state.settings), redaction: state.settings.redaction },
      redact: !raw,
    };
    const { mimeType, extension } = REPORT_FILES[format];
    run(job, `status-lens-report-${stamp()}.${extension}`, mimeType);
  };

  const onTriggerKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    e.preventDefault();
    setOpen(e.key === 'ArrowUp' ? 'last' : 'first');
  };

  const onMenuKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const list = menuItems(menu.current);
    const i = list.indexOf(document.activeElement as HTMLElement);
    let next: number;
    if (e.key === 'ArrowDown') next = (i + 1) % list.length;
    else if (e.key === 'ArrowUp') next = (i - 1 + list.length) % list.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = list.length - 1;
    else if (e.key === 'Escape') {
      e.preventDefault();
      close();
      return;
    } else {
      // Tab leaves the menu (to wherever the browser takes focus) and closes it.
      if (e.key === 'Tab') setOpen(false);
      return;
    }
    e.preventDefault();
    list[next]?.focus();
  };

  return (
    <div
      className="export-menu"
      ref={root}
      onBlur={(e) => {
        // Focus moved somewhere else in the panel (not to the window's edge): the menu is done.
        if (open && e.relatedTarget instanceof Node && !e.currentTarget.contains(e.relatedTarget))
          setOpen(false);
      }}
    >
      <button
        type="button"
        ref={trigger}
        aria-haspopup="menu"
        aria-expanded={open !== false}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen(open ? false : 'first')}
        onKeyDown={onTriggerKey}
      >
        Export ▾
      </button>
      {open && (
        <div role="menu" id={menuId} className="menu" aria-label="Export" ref={menu} onKeyDown={onMenuKey}>
          <button type="button" role="menuitem" tabIndex={-1} onClick={exportHar}>
            HAR of the {shown} shown requests
          </button>
          {REPORT_FORMATS.map((f) => (
            <button key={f.id} type="button" role="menuitem" tabIndex={-1} onClick={() => exportReport(f.id)}>
              Findings report ({f.label})
            </button>
          ))}
          <button
            type="button"
            role="menuitemcheckbox"
            aria-checked={raw}
            tabIndex={-1}
            className="toggle"
            aria-label="Include secrets (raw export)"
            title="Exports hide credentials (Authorization, cookies, tokens, keys, passwords, JWTs…) in URLs, headers and bodies unless this is ticked"
            onClick={() => setRaw(!raw)}
          >
            <span className="check" aria-hidden="true">
              {raw ? '☑' : '☐'}
            </span>{' '}
            Include secrets (raw export)
          </button>
        </div>
      )}
    </div>
  );
}
