import { defineDetector } from './hints';
import { excerpt, lineStart } from './scan';

export interface TraceHit {
  /** Which runtime printed the trace, e.g. "Java". */
  kind: string;
  /** A one-line quote of at most 80 characters. */
  excerpt: string;
}

interface Pattern {
  kind: string;
  /** Global, so frame patterns can look past a first match; always reset before use. */
  re: RegExp;
  /**
   * A frame pattern matches one line of a trace, which prose and data can look like ("ready at
   * https://host/x.csv:10:30"), so it counts only when a second match starts on a later line. The
   * other patterns are headers or markers no prose prints.
   */
  frame: boolean;
  /** Quote from the start of the line (Ruby frames start with the file name, before the match). */
  fromLineStart?: boolean;
  /**
   * The runtime prints the exception on the line above its first frame (`TypeError: boom` then
   * `    at fn (/srv/app.js:1:2)`), so one frame that starts its own line under such a header is
   * a trace too: a short Node.js `err.stack` often holds a single frame.
   */
  headed?: boolean;
}

/*
 * Every pattern starts with a literal and bounds each repeat, and the repeated classes exclude the
 * character that starts the next try, so a scan stays linear on hostile 2 MB bodies. Frames do not
 * need a word boundary before "at": inside raw JSON the frame follows an escaped "\tat".
 * A new pattern needs a hint below that every one of its matches contains.
 */
const PATTERNS: readonly Pattern[] = [
  { kind: 'Python', re: /Traceback \(most recent call last\)/g, frame: false },
  { kind: 'Python', re: /File "[^"\n]{1,300}\.py", line \d{1,7}/g, frame: true },
  { kind: 'Go', re: /goroutine \d{1,10} \[[^\]\n]{1,60}\]:/g, frame: false },
  { kind: 'PHP', re: /Stack trace:(?:\s|<br ?\/?>){1,10}#0 /g, frame: false },
  {
    kind: 'Java',
    re: /at [\w$./<>-]{1,300}\((?:[\w$-]{1,200}\.(?:java|kt|kts|scala|groovy|clj):\d{1,7}|Unknown Source|Native Method)\)/g,
    frame: true,
    headed: true,
  },
  {
    // Tomcat's error page (ErrorReportValve) prints each frame as a tab and the frame, without
    // "at ", HTML-escaped: `\tjava.base&#47;sun.nio.ch.Net.connect(Net.java:579)`. Only frames
    // with a file and line, so every match holds one of the extension hints below.
    kind: 'Java',
    re: /\t[\w$./<>&#;-]{1,300}\([\w$-]{1,200}\.(?:java|kts?|scala|groovy|clj):\d{1,7}\)/g,
    frame: true,
  },
  {
    kind: '.NET',
    re: /at [\w.`<>[\],+|]{1,300}\([^()\n]{0,300}\) in (?:[A-Za-z]:)?[^\n:]{1,300}:line \d{1,7}/g,
    frame: true,
    headed: true,
  },
  { kind: '.NET', re: /--- End of stack trace from previous location/g, frame: false },
  {
    // The position must end the location: "…T10:30:00Z.csv" is a timestamp, not ":line:column".
    // V8 names a method called through another name `Type.method [as alias]`, which Express's
    // router frames all are (`at Layer.handle [as handle_request] (/srv/…/layer.js:95:5)`).
    kind: 'Node.js',
    re: /at (?:async |new )?(?:[^\s()]{1,300}(?: \[as [^\s()\]]{1,100}\])? \()?(?:file:\/\/|node:|https?:\/\/|\/|[A-Za-z]:\\)[^\s()]{1,300}:\d{1,7}:\d{1,7}(?![\w.:/-])/g,
    frame: true,
    headed: true,
  },
  // Ruby frames read `app/models/user.rb:12:in 'save'`; anchoring on ".rb:" keeps the scan linear.
  { kind: 'Ruby', re: /\.rb:\d{1,7}:in [`']/g, frame: true, fromLineStart: true },
];

/**
 * True when text[from, to) holds a line break: a newline, its JSON escape (raw JSON text), or an
 * HTML `<br`. Callers pass disjoint ranges, so the scans add up to one pass.
 */
function lineBreakBetween(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0d) return true;
    if (c === 0x5c /* \ */) {
      const n = text.charCodeAt(i + 1);
      if (n === 0x6e /* n */ || n === 0x72 /* r */) return true;
    } else if (
      c === 0x3c /* < */ &&
      (text.charCodeAt(i + 1) | 0x20) === 0x62 &&
      (text.charCodeAt(i + 2) | 0x20) === 0x72
    ) {
      return true;
    }
  }
  return false;
}

function quote(text: string, p: Pattern, index: number): TraceHit {
  return { kind: p.kind, excerpt: excerpt(text, p.fromLineStart ? lineStart(text, index) : index) };
}

/** How far above a frame its exception header may start (the message can span a few lines). */
const HEADER_LOOKBACK = 1000;

/** Line breaks as `lineBreakBetween` counts them: real, JSON-escaped (raw JSON text) or HTML. */
const LINE_BREAK = /\r\n?|\n|\\[nr]|<br\s*\/?>/i;

/**
 * An exception header as runtimes print it above the first frame: a type name ending in Error
 * or Exception, then `: message` or the end of the line — `TypeError: x is undefined`,
 * `java.lang.IllegalStateException`, `Error [ERR_HTTP_HEADERS_SENT]: …`, `Caused by: …`.
 */
const EXCEPTION_HEADER =
  /^(?:Uncaught |Caused by: |Unhandled exception\. )?(?:[A-Za-z_$][\w$.]{0,200})?(?:Error|Exception)(?: \[[A-Z0-9_]{1,60}\])?(?::|$)/;

/**
 * True when the frame at `index` starts its own line (only indentation before it) and one of the
 * lines above it, back to `floor` and at most HEADER_LOOKBACK characters, is an exception header.
 * Prose that happens to hold a frame ("ready at https://…/x.csv:10:30") fails both tests. Callers
 * pass floors past the previous frame, so the look-backs add up to one pass.
 */
function headedFrame(text: string, index: number, floor: number): boolean {
  let i = index - 1;
  // Indentation: spaces, tabs, or a JSON-escaped tab in raw JSON text.
  while (i >= floor) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x09) i--;
    else if (c === 0x74 /* t */ && text.charCodeAt(i - 1) === 0x5c /* \ */) i -= 2;
    else break;
  }
  const lineStart = i + 1;
  // Cheap test first: a line break ends in \n, \r, an escaped n/r, or the `>` of `<br>`.
  const last = text.charCodeAt(i);
  if (i < floor || (last !== 0x0a && last !== 0x0d && last !== 0x6e && last !== 0x72 && last !== 0x3e)) {
    return false;
  }
  const above = text.slice(Math.max(floor, index - HEADER_LOOKBACK), lineStart);
  const lines = above.split(LINE_BREAK);
  // The frame's own line must start right after a break: the last piece is what precedes the
  // indentation, so it must be empty.
  if (lines.length < 2 || lines[lines.length - 1] !== '') return false;
  for (let k = lines.length - 2; k >= 0; k--) {
    const line = lines[k]!;
    // In raw JSON text the header opens a string value: `{"stack":"TypeError: boom\n    at …`.
    if (EXCEPTION_HEADER.test(line.trim()) || EXCEPTION_HEADER.test(line.slice(line.lastIndexOf('"') + 1))) {
      return true;
    }
  }
  return false;
}

/**
 * Where a trace of one frame pattern starts, or -1: the first of two matches on separate lines,
 * or (for `headed` patterns) a match under an exception header.
 */
function framePair(text: string, p: Pattern): number {
  const re = p.re;
  re.lastIndex = 0; // shared /g regex; safe because the loop below never yields
  let prevIndex = -1;
  let prevEnd = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (prevIndex >= 0 && lineBreakBetween(text, prevEnd, m.index)) return prevIndex;
    if (p.headed === true && headedFrame(text, m.index, prevEnd)) return m.index;
    prevIndex = m.index;
    prevEnd = m.index + m[0].length;
  }
  return -1;
}

/**
 * The first stack trace found in `text`, or undefined: a header or marker line (Python's
 * `Traceback`, Go's `goroutine N [...]:`, PHP's `Stack trace:` then `#0`, .NET's end-of-stack
 * marker), two frames of one runtime on separate lines, or a Java, .NET or Node.js frame on its
 * own line under an exception header.
 */
export function findStackTrace(text: string): TraceHit | undefined {
  for (const p of PATTERNS) {
    let index: number;
    if (p.frame) index = framePair(text, p);
    else {
      p.re.lastIndex = 0;
      index = p.re.exec(text)?.index ?? -1;
    }
    if (index >= 0) return quote(text, p, index);
  }
  return undefined;
}

/**
 * The first single frame in `text`, or undefined. One frame proves little on its own; the rule
 * uses this for traces split one frame per array element (`"backtrace": ["a.rb:1:in …", …]`).
 */
export function findStackFrame(text: string): TraceHit | undefined {
  for (const p of PATTERNS) {
    if (!p.frame) continue;
    p.re.lastIndex = 0;
    const m = p.re.exec(text);
    if (m) return quote(text, p, m.index);
  }
  return undefined;
}

/**
 * Every trace or frame the patterns above match contains one of these: the frame patterns
 * (Java, .NET, Node.js) all open with "at ", a Python frame holds `", line `, a Tomcat error
 * page's frame its source file's extension and colon.
 */
const HINTS = [
  'Traceback (',
  ', line ',
  'goroutine ',
  'Stack trace:',
  '--- End of stack trace',
  'at ',
  '.rb:',
  '.java:',
  '.kt:',
  '.kts:',
  '.scala:',
  '.groovy:',
  '.clj:',
];

export const STACK_TRACES = defineDetector((text) => {
  const hit = findStackTrace(text);
  return hit ? [hit] : [];
}, HINTS);

export const STACK_FRAMES = defineDetector((text) => {
  const hit = findStackFrame(text);
  return hit ? [hit] : [];
}, HINTS);
