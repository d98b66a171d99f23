/**
 * Every subcommand the CLI accepts, in the order the global help lists them. The one home of
 * that list: run.ts dispatches on it (a runner per name, enforced by its type), help.ts
 * builds the global help's Usage lines from it, and a unit test checks docs/cli.md names
 * each one — so a new subcommand cannot be accepted yet missing from the help.
 */
export interface Subcommand {
  readonly name: string;
  /** The global help's Usage lines: what follows the tool's name, and what it does. */
  readonly synopsis: readonly (readonly [usage: string, summary: string])[];
}

export const SUBCOMMANDS = [
  { name: 'lint', synopsis: [['lint FILE.har… [options]', 'check recorded traffic against the rules']] },
  { name: 'diff', synopsis: [['diff BEFORE.har AFTER.har', 'compare two captures per endpoint']] },
  {
    name: 'explain',
    synopsis: [
      ['explain CODE [--format json]', 'what a status code, net::ERR_… or OAuth error code means'],
      ['explain 4xx | "Not Found" | WORDS', 'a class, a reason phrase, or the codes matching words'],
      ['explain --list', 'every status code, net::ERR_… and OAuth error code explained'],
    ],
  },
  { name: 'rules', synopsis: [['rules [--format json]', 'list every rule']] },
  { name: 'version', synopsis: [['version', 'print the version (also -V, --version)']] },
  { name: 'help', synopsis: [['help [COMMAND]', 'help for a command (also -h, --help)']] },
] as const satisfies readonly Subcommand[];

export type SubcommandName = (typeof SUBCOMMANDS)[number]['name'];

export const SUBCOMMAND_NAMES: readonly SubcommandName[] = SUBCOMMANDS.map((c) => c.name);

export function isSubcommand(word: string): word is SubcommandName {
  return (SUBCOMMAND_NAMES as readonly string[]).includes(word);
}

/** The options that stand for a subcommand: `status-lens --version` is `status-lens version`. */
export const SUBCOMMAND_ALIASES: Readonly<Record<string, SubcommandName>> = {
  '--version': 'version',
  '-V': 'version',
  '--help': 'help',
  '-h': 'help',
};
