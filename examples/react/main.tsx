/**
 * kam-widgets in a React 19 app: React 19 sets properties on custom elements (so `data` receives the
 * feed object, not a string) and listens to their events with `on` + the event name (`onkam-select`).
 */
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import 'kam-widgets/pareto'; // registers <kam-pareto> (lit, d3-array and zod come from this app's node_modules)
import type { KamPareto, KamSelectDetail } from 'kam-widgets';

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'kam-pareto': Partial<Pick<KamPareto, 'data' | 'cutoff' | 'locale' | 'theme'>> & {
        id?: string;
        'onkam-select'?: (event: CustomEvent<KamSelectDetail>) => void;
      };
    }
  }
}

const accounts = [
  { id: 'a', name: 'Acme', revenue: 500_000 },
  { id: 'b', name: 'Bolt', revenue: 300_000 },
  { id: 'c', name: 'Cobalt', revenue: 120_000 },
  { id: 'd', name: 'Delta', revenue: 80_000 },
];

function App() {
  const [selected, setSelected] = useState<string[]>([]);
  const [cutoff, setCutoff] = useState(0.8);
  return (
    <main>
      <h1>Accounts</h1>
      <button type="button" id="cutoff" onClick={() => setCutoff(0.5)}>
        Cutoff 50%
      </button>
      <kam-pareto id="chart" data={{ version: 1, currency: 'EUR', accounts }} cutoff={cutoff} locale="en-US" onkam-select={(event) => setSelected(event.detail.accounts.map((a) => a.name))} />
      <p id="selected">Selected: {selected.length ? selected.join(', ') : 'none'}</p>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
