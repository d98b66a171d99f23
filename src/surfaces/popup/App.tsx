export function App() {
  return (
    <main className="popup">
      <h1>Status Lens</h1>
      <p>Open DevTools → Status Lens to capture this tab&apos;s API traffic.</p>
    </main>
  );
}
