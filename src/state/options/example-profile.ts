// The shipped example itself, bundled at build time: the file users are pointed to is this one.
import example from '../../../examples/profiles/hal-problem.json';

/** The name the example is offered under, as it is named in examples/profiles. */
export const EXAMPLE_PROFILE_FILE = 'hal-problem.json';

/**
 * The example profile's text, to start one's own from. An installed extension has no docs folder
 * to point to, so the page offers a file instead. Its `$schema` is a path inside the repository,
 * which a downloaded copy cannot reach (docs/profiles.md: optional, and ignored), so it is left out.
 */
export function exampleProfileText(): string {
  const { $schema: _schema, ...doc } = example;
  return `${JSON.stringify(doc, null, 2)}\n`;
}
