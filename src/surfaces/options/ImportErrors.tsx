import { clipMessage } from '../../state/settings-file';

/**
 * Why an imported file (settings, a profile) was refused: a heading naming the file when it is
 * known ("The profile in acme.json was not imported; …"), and the errors, each naming its place
 * in the file.
 */
export function ImportErrors({
  subject,
  file,
  outcome,
  errors,
}: {
  /** What the file held: "The settings", "The profile". */
  subject: string;
  file: string | undefined;
  /** What became of it, after the file's name: "was not imported; nothing was changed:". */
  outcome: string;
  errors: readonly string[];
}) {
  return (
    <div className="import-errors" role="alert">
      <p>{file === undefined ? `${subject} ${outcome}` : `${subject} in ${clipMessage(file)} ${outcome}`}</p>
      <ul>
        {errors.map((e, i) => (
          <li key={i}>{e}</li>
        ))}
      </ul>
    </div>
  );
}
