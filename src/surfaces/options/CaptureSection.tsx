import { MAX_BODY_SIZE_CAP, MAX_RETENTION_CAP, type BadgeMode } from '../../core/settings/schema';
import { FieldHint } from './FieldHint';
import { useOptions } from './options-context';
import { useDraftField } from './use-draft-field';

import { MIB } from '../../core/units/bytes';

/** A number field of the capture settings, saved when the user is done with it (useDraftField). */
function NumberField(props: {
  id: string;
  label: string;
  hint: string;
  /** The saved value in the field's unit. */
  shown: number;
  /** The saved value as a sentence names it. */
  inForce: string;
  step: string;
  max: number;
  parse: (text: string) => number | null;
  commit: (value: number) => void;
}) {
  const field = useDraftField<number>({
    field: props.label,
    shown: String(props.shown),
    inForce: props.inForce,
    read: (text) => {
      const v = props.parse(text);
      return v === null
        ? { ok: false, message: `Enter a number from 0 to ${props.max.toLocaleString('en-US')}` }
        : { ok: true, value: v };
    },
    save: (v) => {
      props.commit(v);
      return null;
    },
    enterSaves: true,
  });
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        type="number"
        min="0"
        max={props.max}
        step={props.step}
        value={field.value}
        aria-invalid={field.problem !== null}
        aria-describedby={`${props.id}-hint`}
        onChange={field.onChange}
        onBlur={field.onBlur}
        onKeyDown={field.onKeyDown}
      />
      <FieldHint id={`${props.id}-hint`} field={field}>
        {props.hint}
      </FieldHint>
    </div>
  );
}

const parseMb = (t: string) => {
  const n = Number(t);
  return t.trim() !== '' && Number.isFinite(n) && n >= 0 && n * MIB <= MAX_BODY_SIZE_CAP
    ? Math.round(n * MIB)
    : null;
};
const parseCount = (t: string) => {
  const n = Number(t);
  return t.trim() !== '' && Number.isInteger(n) && n >= 0 && n <= MAX_RETENTION_CAP ? n : null;
};

function MonitoringSwitch() {
  const on = useOptions((s) => s.settings.capture.monitoring);
  const pending = useOptions((s) => s.monitoring.pending);
  const note = useOptions((s) => s.monitoring.note);
  const setMonitoring = useOptions((s) => s.setMonitoring);
  return (
    <div className="field monitoring">
      <label className="switch-row">
        <input
          type="checkbox"
          role="switch"
          checked={on || pending}
          aria-busy={pending}
          disabled={pending}
          // setMonitoring asks Chrome right here, inside the click's user gesture.
          onChange={(e) => setMonitoring(e.currentTarget.checked)}
        />
        <span className="switch-label">Monitoring without DevTools</span>
      </label>
      <p className="muted one-line">
        Counts status codes and runs the header-only rules on every tab, so the popup and badge have numbers
        even when DevTools was never opened. Chrome asks you to grant access to all sites; switching it off
        gives that access back.
      </p>
      {note && (
        <p className="note" role="status">
          {note}
        </p>
      )}
    </div>
  );
}

export function CaptureSection() {
  const capture = useOptions((s) => s.settings.capture);
  const revision = useOptions((s) => s.revision);
  const update = useOptions((s) => s.update);
  const mib = Math.round((capture.bodySizeCap / MIB) * 100) / 100;
  return (
    <section aria-labelledby="capture-heading">
      <h2 id="capture-heading">Capture</h2>
      <label className="check-row">
        <input
          type="checkbox"
          checked={capture.apiOnly}
          onChange={(e) => {
            const v = e.currentTarget.checked;
            update((d) => {
              d.capture.apiOnly = v;
            });
          }}
        />
        Show API requests only (fetch and XHR) when the panel opens
      </label>
      <label className="check-row">
        <input
          type="checkbox"
          checked={capture.preserveLog}
          onChange={(e) => {
            const v = e.currentTarget.checked;
            update((d) => {
              d.capture.preserveLog = v;
            });
          }}
        />
        Preserve log on navigation by default
      </label>
      <NumberField
        // Settings replaced wholesale (reset, import) drop a draft.
        key={`body-${revision}`}
        id="body-size-cap"
        label="Body size cap (MiB)"
        hint="Bodies larger than this are analysed by their headers only (0: never read bodies)."
        max={MAX_BODY_SIZE_CAP / MIB}
        shown={mib}
        inForce={`${mib.toLocaleString('en-US')} MiB`}
        step="0.5"
        parse={parseMb}
        commit={(v) =>
          update((d) => {
            d.capture.bodySizeCap = v;
          })
        }
      />
      <NumberField
        key={`retention-${revision}`}
        id="retention-cap"
        label="Requests kept in the panel"
        hint="The oldest are dropped beyond this; 0 keeps everything."
        max={MAX_RETENTION_CAP}
        shown={capture.retentionCap}
        inForce={
          capture.retentionCap === 0 ? '0 (keep everything)' : capture.retentionCap.toLocaleString('en-US')
        }
        step="1000"
        parse={parseCount}
        commit={(v) =>
          update((d) => {
            d.capture.retentionCap = v;
          })
        }
      />
      <fieldset className="field">
        <legend>The toolbar badge counts</legend>
        {(
          [
            ['errors', 'error-severity findings'],
            ['5xx', '5xx responses'],
          ] as [BadgeMode, string][]
        ).map(([mode, label]) => (
          <label key={mode} className="check-row">
            <input
              type="radio"
              name="badge-mode"
              value={mode}
              checked={capture.badgeMode === mode}
              onChange={() =>
                update((d) => {
                  d.capture.badgeMode = mode;
                })
              }
            />
            {label}
          </label>
        ))}
      </fieldset>
      <MonitoringSwitch />
    </section>
  );
}
