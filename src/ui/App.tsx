/** The main view. Placeholder until the visualizer lands. */
export function App() {
  return (
    <main>
      <h1>Roundtrip</h1>
      <p>Watch one web request travel from the browser to the database and back.</p>
    </main>
  );
}
