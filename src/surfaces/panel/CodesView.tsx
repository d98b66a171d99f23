export function CodesView() {
  return <div className="codes" role="region" aria-label="Status codes" />;
}
