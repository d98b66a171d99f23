import type { RuleSource } from '../../src/core/rules/types';

/**
 * Whether what a finding says it rests on is what its link opens: a message that cites
 * "RFC 9110 §9.2.1" while its `source.url` opens §15 sends the reader to the wrong page. Only
 * citations of the document the source links are compared (a message may name a second
 * document, "RFC 6749 §5.1", beside its own source); a source that links a whole document, not
 * one section, is not compared either.
 */

/** "RFC 9110 §15.4.6" (or a draft's name): the document and the section, in a text. */
const CITATION = /\b(RFC \d{3,5}|draft-[a-z0-9-]+) §(\d+(?:\.\d+)*)/g;

/** The document and section a source's URL opens: RFC Editor and datatracker links, and drafts. */
function linked(url: string): { doc: string; section?: string } | undefined {
  const rfc = /rfc(\d{3,5})(?:\.html)?(?:#section-([\d.]+))?$/.exec(url);
  if (rfc) return { doc: `RFC ${rfc[1]}`, ...(rfc[2] ? { section: rfc[2] } : {}) };
  const draft = /\/(draft-[a-z0-9-]+?)(?:-\d\d)?(?:\.html)?\/?(?:#section-([\d.]+))?$/.exec(url);
  if (draft) return { doc: draft[1]!, ...(draft[2] ? { section: draft[2] } : {}) };
  return undefined;
}

function sameDoc(a: string, b: string): boolean {
  return (
    a === b || (a.startsWith('draft-') && b.startsWith(a)) || (b.startsWith('draft-') && a.startsWith(b))
  );
}

/** Why `text` and `source` disagree, or undefined when they agree (or cannot be compared). */
export function citationMismatch(text: string, source: RuleSource): string | undefined {
  const link = linked(source.url);
  if (!link?.section) return undefined;
  const cited = [...text.matchAll(CITATION)].filter((m) => sameDoc(m[1]!, link.doc)).map((m) => m[2]!);
  if (cited.length === 0 || cited.includes(link.section)) return undefined;
  return `"${text}" cites ${link.doc} §${cited.join(', §')} but its source opens §${link.section} (${source.url})`;
}
