import { Fragment } from 'react';

/**
 * `text` with a line-break opportunity after each `after` character (nothing is added to the
 * text itself): a route or a net error name, one "word" to the browser, then wraps after a '/'
 * or an '_' instead of at whatever letter meets the column's edge ("/environments/{" | "id}").
 */
export function Breakable({ text, after }: { text: string; after: string }) {
  const parts = text.split(after);
  return parts.map((part, i) => (
    <Fragment key={i}>
      {part}
      {i < parts.length - 1 && (
        <>
          {after}
          <wbr />
        </>
      )}
    </Fragment>
  ));
}
