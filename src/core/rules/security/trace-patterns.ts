import { defineDetector } from './hints';
import { excerpt, lineStart } from './scan';

export interface TraceHit {
  /** Which runtime printed the trace, e.g. "Java". */
  kind: string;
  /** A one-line quote of at most 80 characters. */
  excerpt: string;
}

/*
 * Every pattern starts with a literal and bounds each repeat, and the repeated classes exclude the
 * character that starts the next try, so a scan stays linear on hostile 2 MB bodies. Frames do not
 * need a word boundary before "at": inside raw JSON the frame follows an escaped "\tat".
 * A new pattern needs a hint below that every one of its matches contains.
 */
const PATTERNS: readonly { kind: string; re: RegExp }[] = [
  { kind: 'Python', re: /Traceback \(most recent call last\)/ },
  { kind: 'Python', re: /File "[^"\n]{1,300}\.py", line \d{1,7}/ },
  { kind: 'Go', re: /goroutine \d{1,10} \[[^\]\n]{1,60}\]:/ },
  { kind: 'PHP', re: /Stack trace:(?:\s|<br ?\/?>){1,10}#0 / },
  {
    kind: 'Java',
    re: /at [\w$./<>-]{1,300}\((?:[\w$-]{1,200}\.(?:java|kt|kts|scala|groovy|clj):\d{1,7}|Unknown Source|Native Method)\)/,
  },
  {
    kind: '.NET',
    re: /at [\w.`<>[\],+|]{1,300}\([^()\n]{0,300}\) in (?:[A-Za-z]:)?[^\n:]{1,300}:line \d{1,7}/,
  },
  { kind: '.NET', re: /--- End of stack trace from previous location/ },
  {
    kind: 'Node.js',
    re: /at (?:async |new )?(?:[^\s()]{1,300} \()?(?:file:\/\/|node:|https?:\/\/|\/|[A-Za-z]:\\)[^\s()]{1,300}:\d{1,7}:\d{1,7}/,
  },
];

/** Ruby frames read `app/models/user.rb:12:in 'save'`; anchoring on ".rb:" keeps the scan linear. */
const RUBY = /\.rb:\d{1,7}:in [`']/;

/** The first stack trace found in `text`, or undefined. */
export function findStackTrace(text: string): TraceHit | undefined {
  for (const { kind, re } of PATTERNS) {
    const m = re.exec(text);
    if (m) return { kind, excerpt: excerpt(text, m.index) };
  }
  const m = RUBY.exec(text);
  if (m) return { kind: 'Ruby', excerpt: excerpt(text, lineStart(text, m.index)) };
  return undefined;
}

/**
 * Every trace the patterns above match contains one of these: the frame patterns (Java, .NET,
 * Node.js) all open with "at ", a Python frame holds `", line `.
 */
const HINTS = [
  'Traceback (',
  ', line ',
  'goroutine ',
  'Stack trace:',
  '--- End of stack trace',
  'at ',
  '.rb:',
];

export const STACK_TRACES = defineDetector((text) => {
  const hit = findStackTrace(text);
  return hit ? [hit] : [];
}, HINTS);
