import type { ContractProblem } from '../core/contract';
import type { InputProblem } from '../core/report/model';
import { readPosition } from '../core/text/position';
import { safeText } from './terminal';
import { TOOL_NAME } from './version';

/**
 * `error`: the run exits 2 because of it. `warning`: the exit code is what the findings make it.
 * `note`: more about the lines before it.
 */
export type DiagnosticSeverity = 'error' | 'warning' | 'note';

/** The file a problem is about, and where in it when known. */
export interface Place {
  file: string;
  line?: number;
  column?: number;
}

/** One line the CLI writes on standard error. Without a place, it is about the invocation itself. */
export interface Diagnostic {
  place?: Place;
  severity: DiagnosticSeverity;
  message: string;
}

/**
 * The one shape of every problem line on standard error, as compilers write them, so CI problem
 * matchers and editors pick it up: `FILE[:LINE[:COLUMN]]: SEVERITY: message` for a problem in a
 * file (a HAR, the config or a profile file, an OpenAPI document, the report's --output file),
 * `status-lens: SEVERITY: message` (or `status-lens lint: …` for a usage error) for one about the
 * invocation itself. Control and bidi characters are shown escaped, never sent to the terminal.
 */
export function diagnosticLine(d: Diagnostic, tool: string = TOOL_NAME): string {
  let where = tool;
  if (d.place) {
    where = d.place.file;
    if (d.place.line !== undefined) {
      where += `:${d.place.line}`;
      if (d.place.column !== undefined) where += `:${d.place.column}`;
    }
  }
  return `${safeText(`${where}: ${d.severity}: ${d.message}`)}\n`;
}

/**
 * A HAR input problem: an error (exit 2), but a rule that failed on an exchange, which does not
 * change the exit code, is a warning. The JSON path of the value at fault leads the message.
 */
export function inputProblemDiagnostic(p: InputProblem): Diagnostic {
  const place: Place = { file: p.file };
  if (p.line !== undefined) place.line = p.line;
  if (p.line !== undefined && p.column !== undefined) place.column = p.column;
  return {
    place,
    severity: p.kind === 'rule' ? 'warning' : 'error',
    message: `${p.path ? `${p.path}: ` : ''}${p.message}`,
  };
}

/**
 * An OpenAPI load problem: `spec.yaml:12:3: error: not valid YAML: …` for a syntax error (its
 * location, "line 12, column 3", becomes the place), `spec.yaml: warning:
 * /paths/~1pets/get: …` with the JSON Pointer leading the message otherwise.
 */
export function contractDiagnostic(p: ContractProblem, severity: DiagnosticSeverity): Diagnostic {
  const at = readPosition(p.location);
  if (at) {
    const place: Place = { file: p.document, line: at.line };
    if (at.column !== undefined) place.column = at.column;
    return { place, severity, message: p.message };
  }
  return {
    place: { file: p.document },
    severity,
    message: p.location === '' ? p.message : `${p.location}: ${p.message}`,
  };
}

/** Something that should never happen: said as an error about the run, never as a stack trace. */
export function internalError(e: unknown): Diagnostic {
  return { severity: 'error', message: `internal error: ${e instanceof Error ? e.message : String(e)}` };
}

/** An error in this file, at no particular line. */
export function inFile(file: string, message: string): Diagnostic {
  return { place: { file }, severity: 'error', message };
}
