import type { Severity } from '../core/rules/types';
import type { CliIo } from './io';
import { BIDI_CLASS, CONTROL_CLASS, INVISIBLE_CLASS } from '../core/text/bidi';

/**
 * Characters a terminal would act on rather than print: C0/C1 controls (ANSI escape
 * sequences start with ESC or CSI), and the bidi overrides and invisible format characters
 * (U+200B …) that can make text read differently from what it is. URLs and messages come from
 * recorded traffic, so they are shown escaped instead.
 */
const UNSAFE = new RegExp(`[${CONTROL_CLASS}${BIDI_CLASS}${INVISIBLE_CLASS}]`, 'g');

export function safeText(text: string): string {
  return text.replace(UNSAFE, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\t') return '\\t';
    if (c === '\r') return '\\r';
    const code = c.charCodeAt(0);
    return code <= 0xff
      ? `\\x${code.toString(16).padStart(2, '0')}`
      : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

export { clip } from '../core/report/tool';

/**
 * NO_COLOR (https://no-color.org) wins; FORCE_COLOR=0 (or false) turns colour off too, any
 * other FORCE_COLOR value turns it on (the convention of Node and most CLI tools);
 * otherwise colour only when writing to a terminal.
 */
export function useColour(io: CliIo, toStdout: boolean): boolean {
  const no = io.env.NO_COLOR;
  if (no !== undefined && no !== '') return false;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force.toLowerCase() !== 'false';
  return toStdout && io.stdoutIsTTY;
}

export interface Paint {
  bold(s: string): string;
  dim(s: string): string;
  red(s: string): string;
  yellow(s: string): string;
  cyan(s: string): string;
  green(s: string): string;
  severity(sev: Severity, s: string): string;
}

function sgr(open: number, close: number): (s: string) => string {
  return (s) => `\u001b[${open}m${s}\u001b[${close}m`;
}

const identity = (s: string) => s;

export function paint(enabled: boolean): Paint {
  if (!enabled) {
    return {
      bold: identity,
      dim: identity,
      red: identity,
      yellow: identity,
      cyan: identity,
      green: identity,
      severity: (_v, s) => s,
    };
  }
  const red = sgr(31, 39);
  const yellow = sgr(33, 39);
  const cyan = sgr(36, 39);
  return {
    bold: sgr(1, 22),
    dim: sgr(2, 22),
    red,
    yellow,
    cyan,
    green: sgr(32, 39),
    severity: (sev, s) => (sev === 'error' ? red(s) : sev === 'warning' ? yellow(s) : cyan(s)),
  };
}
