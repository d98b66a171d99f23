/** Why an imported file (settings, a profile) was refused: a heading and the path-named errors. */
export function ImportErrors({ heading, errors }: { heading: string; errors: readonly string[] }) {
  return (
    <div className="import-errors" role="alert">
      <p>{heading}</p>
      <ul>
        {errors.map((e, i) => (
          <li key={i}>{e}</li>
        ))}
      </ul>
    </div>
  );
}
