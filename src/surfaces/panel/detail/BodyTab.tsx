import { useCallback, useEffect, useMemo, useState } from 'react';
import type { PanelStore, Row } from '../../../state/panel-store';
import { JsonTree } from '../../../ui/json-tree/JsonTree';
import type { CopyHandler } from '../../../ui/json-tree/JsonTreeRow';
import { formatSize } from '../format';
import { usePanel, usePanelApi } from '../panel-context';
import { usePanelActions } from '../actions';
import { bodyView, imageDataUrl, isShowableImage, type BodyView } from './body-view';
import { useCopy } from './detail-context';
import { stringifyJson } from '../../../ui/json-tree/stringify';
import { prettyText, tryParseJson } from './pretty';
import { TextView } from './TextView';
import { schemaViolations, type SchemaViolations } from './violations';
import { bodyCapNote, overBodyCap } from '../../../core/engine/body-cap';
import { countOf } from '../../../core/text/plural';

type Mode = 'tree' | 'raw' | 'pretty';

/** What the Body tab copies: the response body, redacted unless "Include secrets" is ticked. */
const RESPONSE_BODY = { kind: 'body', side: 'response' } as const;

type Parsed = ReturnType<typeof tryParseJson>;

/**
 * The last body parsed, per panel store: switching tabs remounts the Body tab, and re-parsing
 * the same 5 MB text each time would stall the panel. Same string (usually the same reference)
 * → same result. A clear of the store (Clear, a navigation) drops it, body and tree, at once,
 * whether or not the Body tab is showing.
 */
const lastParse = new WeakMap<PanelStore, { last: { text: string; result: Parsed } | null }>();

function parseOnce(store: PanelStore, text: string): Parsed {
  let cache = lastParse.get(store);
  if (!cache) {
    const created: { last: { text: string; result: Parsed } | null } = { last: null };
    // Lives as long as the store (the panel): one listener per store, never per mount.
    store.subscribe((state, previous) => {
      if (state.generation !== previous.generation) created.last = null;
    });
    lastParse.set(store, created);
    cache = created;
  }
  if (cache.last?.text !== text) cache.last = { text, result: tryParseJson(text) };
  return cache.last.result;
}

function ModeSwitch({ modes, mode, onChange }: { modes: Mode[]; mode: Mode; onChange: (m: Mode) => void }) {
  const label: Record<Mode, string> = { tree: 'Tree', raw: 'Raw', pretty: 'Pretty' };
  return (
    <div className="mode-switch" role="group" aria-label="Body view">
      {modes.map((m) => (
        <button key={m} type="button" aria-pressed={mode === m} onClick={() => onChange(m)}>
          {label[m]}
        </button>
      ))}
    </div>
  );
}

function JsonBody({
  view,
  reveal,
  violations,
}: {
  view: Extract<BodyView, { kind: 'json' }>;
  reveal: string | null;
  violations: SchemaViolations;
}) {
  const copy = useCopy();
  const copyMember = useCallback<CopyHandler>(
    (text, what, pointer) =>
      what === 'path' ? copy.plain(text, what) : copy.part({ ...RESPONSE_BODY, pointer }, what, text),
    [copy],
  );
  const store = usePanelApi();
  const parsed = useMemo(() => parseOnce(store, view.text), [store, view.text]);
  const [mode, setMode] = useState<Mode>('tree');
  const pretty = useMemo(
    () => (mode === 'pretty' && parsed.ok ? stringifyJson(parsed.value, 2) : ''),
    [mode, parsed],
  );
  if (!parsed.ok) {
    return (
      <>
        <p className="body-warning" role="note">
          Not valid JSON ({parsed.error}); shown as text.
        </p>
        <TextView text={view.text} label="Response body" />
      </>
    );
  }
  return (
    <>
      <div className="body-bar">
        <span className="muted">
          {view.mediaType || 'JSON'} · {formatSize(view.size)}
        </span>
        <ModeSwitch modes={['tree', 'pretty', 'raw']} mode={mode} onChange={setMode} />
        <button type="button" className="small" onClick={() => copy.part(RESPONSE_BODY, 'body', view.text)}>
          Copy body
        </button>
      </div>
      <ViolationsNote violations={violations} tree={mode === 'tree'} />
      {mode === 'tree' ? (
        <JsonTree
          key={reveal ?? ''}
          value={parsed.value}
          reveal={reveal}
          marks={violations.marks}
          onCopy={copyMember}
          label="Response body"
        />
      ) : (
        <TextView text={mode === 'raw' ? view.text : pretty} label="Response body" />
      )}
    </>
  );
}

/** Above the tree: how many members fail the documented schema, and what could not be pointed at. */
function ViolationsNote({ violations, tree }: { violations: SchemaViolations; tree: boolean }) {
  const marked = violations.marks.size;
  if (marked === 0 && violations.unplaced.length === 0) return null;
  return (
    <div className="body-violations" role="note" aria-label="Schema violations">
      {marked > 0 && (
        <p>
          {countOf(marked, 'member fails', 'members fail')} the documented schema
          {tree ? ': marked in the tree below.' : ' (switch to Tree to see them marked).'}
        </p>
      )}
      {violations.unplaced.map((m, i) => (
        <p key={i}>{m}</p>
      ))}
    </div>
  );
}

function TextBody({ view }: { view: Extract<BodyView, { kind: 'text' }> }) {
  const copy = useCopy();
  const [mode, setMode] = useState<Mode>('raw');
  const pretty = useMemo(
    () => (mode === 'pretty' ? prettyText(view.text, view.mediaType) : ''),
    [mode, view],
  );
  return (
    <>
      <div className="body-bar">
        <span className="muted">
          {view.mediaType || 'unknown type'} · {formatSize(view.size)}
        </span>
        <ModeSwitch modes={['raw', 'pretty']} mode={mode} onChange={setMode} />
        <button type="button" className="small" onClick={() => copy.part(RESPONSE_BODY, 'body', view.text)}>
          Copy body
        </button>
      </div>
      <TextView text={mode === 'raw' ? view.text : pretty} wrap={mode === 'pretty'} label="Response body" />
    </>
  );
}

/** The media type of an image body that capture did not fetch, or null. */
function notFetchedImage(row: Row): string | null {
  const body = row.exchange.body;
  if (body.kind !== 'unknown' || body.reason !== 'binary-not-fetched') return null;
  const mediaType = (row.exchange.mimeType.split(';')[0] ?? '').trim().toLowerCase();
  return isShowableImage(mediaType) ? mediaType : null;
}

/** Bytes a base64 text decodes to (its padding excepted), without decoding it. */
function base64Bytes(text: string): number {
  const t = text.trimEnd();
  const pad = t.endsWith('==') ? 2 : t.endsWith('=') ? 1 : 0;
  return Math.floor((t.length * 3) / 4) - pad;
}

/**
 * An image capture did not fetch, read from DevTools when the tab opens. The "not fetched"
 * message shows only when reading it fails: above a fetched image it would be wrong.
 */
function LazyImage({ id, mediaType, notFetched }: { id: string; mediaType: string; notFetched: string }) {
  const { loadBody } = usePanelActions();
  const cap = usePanel((s) => s.settings.capture.bodySizeCap);
  const [state, setState] = useState<{ src: string } | { error: string } | null>(null);
  useEffect(() => {
    let live = true;
    void loadBody(id).then(
      (content) => {
        if (!live) return;
        if (!content?.text) {
          setState({ error: 'DevTools no longer holds this image.' });
          return;
        }
        // DevTools did not say how big it was before it was read: the cap holds here too.
        const bytes = content.encoding === 'base64' ? base64Bytes(content.text) : content.text.length;
        if (overBodyCap(bytes, cap)) {
          setState({ error: bodyCapNote(bytes, cap) });
          return;
        }
        const src = content.encoding === 'base64' ? imageDataUrl(mediaType, content.text) : null;
        setState(src ? { src } : { error: 'The image data is not valid base64, so it cannot be shown.' });
      },
      () => live && setState({ error: 'The image could not be read.' }),
    );
    return () => {
      live = false;
    };
  }, [id, mediaType, loadBody, cap]);
  if (!state) return <p className="muted">Loading the image…</p>;
  if ('error' in state)
    return (
      <>
        <p className="body-message">{notFetched}</p>
        <p className="muted">{state.error}</p>
      </>
    );
  return (
    <figure className="body-image">
      <img src={state.src} alt={`Response body (${mediaType})`} />
      <figcaption className="muted">{mediaType}</figcaption>
    </figure>
  );
}

export function BodyTab({ row }: { row: Row }) {
  const focusPointer = usePanel((s) => s.focusPointer);
  const view = useMemo(() => bodyView(row.exchange), [row.exchange]);
  const violations = useMemo(() => schemaViolations(row.analysis?.findings), [row.analysis]);
  const lazyImage = notFetchedImage(row);
  return (
    <div className="body-tab">
      {row.bodyNote && (
        <p className="body-note" role="note">
          {row.bodyNote}
        </p>
      )}
      {view.kind === 'none' && !lazyImage && <p className="body-message">{view.message}</p>}
      {view.kind === 'none' && lazyImage && (
        <LazyImage id={row.exchange.id} mediaType={lazyImage} notFetched={view.message} />
      )}
      {view.kind === 'image' && (
        <figure className="body-image">
          <img src={view.src} alt={`Response body (${view.mediaType})`} />
          <figcaption className="muted">
            {view.mediaType} · {formatSize(view.size)}
          </figcaption>
        </figure>
      )}
      {view.kind === 'json' && <JsonBody view={view} reveal={focusPointer} violations={violations} />}
      {view.kind === 'text' && <TextBody view={view} />}
    </div>
  );
}
