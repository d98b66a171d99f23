import { useState } from 'react';
import { toHar } from '../../core/export/har';
import { selectVisibleRows } from '../../state/panel-selectors';
import { usePanelActions } from './actions';
import { usePanel, usePanelApi } from './panel-context';
import { REPORT_FORMATS, reportFor, type ReportFormat } from './reports';

function stamp(): string {
  return new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
}

/** Exports what the list shows: a HAR (secrets redacted unless asked) or a findings report. */
export function ExportMenu() {
  const [raw, setRaw] = useState(false);
  const [open, setOpen] = useState(false);
  const { download } = usePanelActions();
  const store = usePanelApi();
  const shown = usePanel((s) => selectVisibleRows(s).length);

  const exportHar = () => {
    const state = store.getState();
    const rows = selectVisibleRows(state);
    const doc = toHar(
      rows.map((r) => r.exchange),
      {
        redact: !raw,
        redaction: state.settings.redaction,
        creator: { name: 'Status Lens', version: __STATUS_LENS_VERSION__ },
      },
    );
    download(`status-lens-${stamp()}.har`, 'application/json', JSON.stringify(doc, null, 2));
    setOpen(false);
  };

  const exportReport = (format: ReportFormat) => {
    const state = store.getState();
    const { text, mimeType, extension } = reportFor(format, selectVisibleRows(state), state.settings, !raw);
    download(`status-lens-report-${stamp()}.${extension}`, mimeType, text);
    setOpen(false);
  };

  return (
    <div className="export-menu">
      <button type="button" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen(!open)}>
        Export ▾
      </button>
      {open && (
        <div role="menu" className="menu" aria-label="Export">
          <button type="button" role="menuitem" onClick={exportHar}>
            HAR of the {shown} shown requests
          </button>
          {REPORT_FORMATS.map((f) => (
            <button key={f.id} type="button" role="menuitem" onClick={() => exportReport(f.id)}>
              Findings report ({f.label})
            </button>
          ))}
          <label
            className="toggle"
            title="Exports redact Authorization, cookies, API keys, token-like query parameters and secrets in bodies unless this is ticked"
          >
            <input type="checkbox" checked={raw} onChange={(e) => setRaw(e.target.checked)} /> Include secrets
            (raw export)
          </label>
        </div>
      )}
    </div>
  );
}
