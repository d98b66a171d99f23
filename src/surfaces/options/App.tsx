export function App() {
  return (
    <main className="options">
      <h1>Status Lens options</h1>
    </main>
  );
}
