import type { JsonValue } from '../../core/json/walk';

/**
 * Indentation stops growing past this depth: pretty-printing 20,000 levels with full indentation
 * would be quadratic in size (hundreds of megabytes of spaces) for no reader's benefit.
 */
export const MAX_INDENT_DEPTH = 64;

type Task = { lit: string } | { value: JsonValue; depth: number };

/**
 * JSON.stringify without recursion. V8's JSON.stringify recurses and throws RangeError on deeply
 * nested input that JSON.parse accepted; this writes the same text from an explicit stack.
 * `indent` 0 gives compact output.
 */
export function stringifyJson(root: JsonValue, indent = 2): string {
  const out: string[] = [];
  const pad = (depth: number) =>
    indent > 0 ? '\n' + ' '.repeat(Math.min(depth, MAX_INDENT_DEPTH) * indent) : '';
  const sep = indent > 0 ? ': ' : ':';
  const stack: Task[] = [{ value: root, depth: 0 }];
  while (stack.length > 0) {
    const task = stack.pop()!;
    if ('lit' in task) {
      out.push(task.lit);
      continue;
    }
    const { value, depth } = task;
    if (Array.isArray(value)) {
      if (value.length === 0) {
        out.push('[]');
        continue;
      }
      out.push('[');
      stack.push({ lit: pad(depth) + ']' });
      for (let i = value.length - 1; i >= 0; i--) {
        stack.push({ value: value[i] as JsonValue, depth: depth + 1 });
        stack.push({ lit: (i > 0 ? ',' : '') + pad(depth + 1) });
      }
    } else if (typeof value === 'object' && value !== null) {
      const keys = Object.keys(value);
      if (keys.length === 0) {
        out.push('{}');
        continue;
      }
      out.push('{');
      stack.push({ lit: pad(depth) + '}' });
      for (let i = keys.length - 1; i >= 0; i--) {
        const k = keys[i]!;
        stack.push({ value: value[k] as JsonValue, depth: depth + 1 });
        stack.push({ lit: (i > 0 ? ',' : '') + pad(depth + 1) + JSON.stringify(k) + sep });
      }
    } else {
      // Primitives never recurse; JSON.stringify also maps non-finite numbers to null as JSON does.
      out.push(JSON.stringify(value) ?? 'null');
    }
  }
  return out.join('');
}

/**
 * What "Copy value" (and the C key on the tree) copies: a string as is, anything else as JSON.
 * Here, not beside the tree's rows, because the analysis worker builds the redacted copy too.
 */
export function copyText(v: JsonValue): string {
  return typeof v === 'string' ? v : stringifyJson(v, 2);
}
