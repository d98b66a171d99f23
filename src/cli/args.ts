import { editDistance } from '../core/text/edit-distance';
import { UsageError } from './io';
import { listOf } from '../core/text/list';

export interface OptionSpec {
  /** Long name without dashes, e.g. "format". */
  name: string;
  short?: string;
  /** Takes a value (`--format json` or `--format=json`); otherwise a flag. */
  value?: boolean;
  /**
   * Former names still read as this option (users' scripts and CI keep them): their values
   * join the option's, in command-line order, so the last one given wins whichever name it had.
   */
  aliases?: readonly string[];
}

export interface ParsedArgs {
  positionals: string[];
  /** Every value given for each option, in order (flags get ''), under its name (not an alias). */
  options: Map<string, string[]>;
  /** How the last value of each option was spelled (`--include-bodies-over`), for messages about it. */
  spelled: Map<string, string>;
}

/** A negative number ("-1", "-2.5"): a value or an argument, never an option (none are digits). */
const NEGATIVE_NUMBER = /^-\d/;

/**
 * A small getopt: long options with `=` or a separate value, single-letter aliases, `--`
 * to end options, and a lone `-` as a positional (standard input). Negative numbers are
 * arguments, so `explain -1` and `--body-size-cap -1` reach the code that can say
 * what is wrong with them.
 */
export function parseArgs(
  argv: readonly string[],
  specs: readonly OptionSpec[],
  command: string,
): ParsedArgs {
  const byLong = new Map(specs.flatMap((s) => [s.name, ...(s.aliases ?? [])].map((n) => [n, s] as const)));
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short!, s]));
  const positionals: string[] = [];
  const options = new Map<string, string[]>();
  const spelled = new Map<string, string>();
  const add = (name: string, v: string) => {
    const list = options.get(name);
    if (list) list.push(v);
    else options.set(name, [v]);
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '-' || !arg.startsWith('-') || NEGATIVE_NUMBER.test(arg)) {
      positionals.push(arg);
      continue;
    }
    let spec: OptionSpec | undefined;
    let inline: string | undefined;
    let written: string;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
      if (eq !== -1) inline = arg.slice(eq + 1);
      spec = byLong.get(name);
      if (!spec) throw new UsageError(`unknown option --${name}${suggest(name, specs)}`, command);
      written = `--${name}`;
    } else {
      spec = byShort.get(arg.slice(1, 2));
      if (!spec) throw new UsageError(`unknown option ${arg}`, command);
      if (arg.length > 2) inline = arg.slice(2);
      written = `--${spec.name}`;
    }
    spelled.set(spec.name, written);
    if (!spec.value) {
      if (inline !== undefined) throw new UsageError(`${written} takes no value`, command);
      add(spec.name, '');
      continue;
    }
    let v = inline;
    if (v === undefined) {
      const next = argv[i + 1];
      if (next === undefined || (next.startsWith('-') && next !== '-' && !NEGATIVE_NUMBER.test(next))) {
        throw new UsageError(`${written} needs a value`, command);
      }
      v = next;
      i++;
    }
    add(spec.name, v);
  }
  return { positionals, options, spelled };
}

function suggest(name: string, specs: readonly OptionSpec[]): string {
  const close = specs
    .flatMap((s) => [s.name, ...(s.aliases ?? [])])
    .find((n) => editDistance(n, name) <= 2 || (name.length >= 3 && n.startsWith(name)));
  return close ? ` (did you mean --${close}?)` : '';
}

/** The last value given for an option (later ones win, so scripts can override defaults). */
export function lastValue(args: ParsedArgs, name: string): string | undefined {
  const list = args.options.get(name);
  return list ? list[list.length - 1] : undefined;
}

export function hasFlag(args: ParsedArgs, name: string): boolean {
  return args.options.has(name);
}

/** One of a fixed set of values, in any case (`--format JSON`), or a usage error that lists them. */
export function choice<T extends string>(
  args: ParsedArgs,
  name: string,
  allowed: readonly T[],
  fallback: T,
  command: string,
): T {
  const v = lastValue(args, name);
  if (v === undefined) return fallback;
  const found = allowed.find((a) => a === v.trim().toLowerCase());
  if (found !== undefined) return found;
  throw new UsageError(
    `--${name} must be one of ${listOf(allowed, 'or')} (got ${JSON.stringify(v)})`,
    command,
  );
}
