/**
 * KPI targets as an element attribute gives them ("nps:50,churn:0.05", or an object { nps: 50 }): read
 * once for every element that takes `targets` (the scorecard's tiles, the red flags' KPI goals).
 */

export interface Targets {
  byId: Map<string, number>;
  /** Entries that were not "id:number", quoted for the notes line. */
  ignored: string[];
}

/** Targets from the `targets` attribute ("nps:50,churn:0.05") or property (the same text, or { nps: 50 }). */
export function parseTargets(input: unknown): Targets {
  const byId = new Map<string, number>();
  const ignored: string[] = [];
  const add = (id: string, raw: unknown, entry: string) => {
    const n = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
    if (id && Number.isFinite(n)) byId.set(id, n);
    else ignored.push(entry);
  };
  if (typeof input === 'string') {
    for (const entry of input.split(',').map((s) => s.trim()).filter(Boolean)) {
      const at = entry.lastIndexOf(':');
      add(at > 0 ? entry.slice(0, at).trim() : '', at > 0 ? entry.slice(at + 1) : '', entry);
    }
  } else if (input && typeof input === 'object') {
    for (const [id, raw] of Object.entries(input)) add(id.trim(), raw, `${id}:${String(raw)}`);
  }
  return { byId, ignored };
}
