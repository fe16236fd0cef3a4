/**
 * The custom-elements manifest (custom-elements.json, generated from the class comments by
 * `npm run analyze`, which `npm test` runs first) is what Storybook's autodocs and IDEs show. For every
 * element it must document each ::part the element renders (its own files and the shared frame, table,
 * tooltip and state views), each --kam-* custom property its styles read, with the light theme's value
 * as the default, and nothing that is not there.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');

interface Declaration {
  tagName?: string;
  cssParts?: { name: string }[];
  cssProperties?: { name: string; default?: string }[];
  attributes?: { name: string; description?: string }[];
  events?: { name: string; description?: string }[];
  description?: string;
  summary?: string;
}

function manifestElements(): Map<string, Declaration> {
  const file = new URL('../custom-elements.json', import.meta.url);
  if (!existsSync(file)) throw new Error('custom-elements.json is missing: run `npm run analyze` (npm test does it first).');
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as { modules: { declarations?: Declaration[] }[] };
  return new Map(manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName).map((d) => [d.tagName!, d]));
}

/** What every chart widget renders besides its own files. */
const SHARED = ['src/internal/kam-widget.ts', 'src/internal/widget-styles.ts', 'src/internal/toolbar.ts', 'src/internal/plot-frame.ts', 'src/internal/data-table.ts', 'src/internal/tooltip.ts', 'src/internal/state-views.ts', 'src/internal/theme.ts'];
const WIDGETS: Record<string, { folder: string; shared: string[]; withoutTooltip?: boolean }> = {
  'kam-pareto': { folder: 'src/components/pareto', shared: [...SHARED, 'src/internal/tier-patterns.ts', 'src/internal/flag-marks.ts'] },
  'kam-tier-matrix': { folder: 'src/components/tier-matrix', shared: [...SHARED, 'src/internal/tier-patterns.ts', 'src/internal/flag-marks.ts'] },
  'kam-scorecard': { folder: 'src/components/scorecard', shared: SHARED },
  'kam-quadrant': { folder: 'src/components/quadrant', shared: [...SHARED, 'src/internal/flag-marks.ts'] },
  // A list: it adopts the tooltip's styles with the widget base, and renders no tooltip.
  'kam-red-flags': { folder: 'src/components/red-flags', shared: SHARED, withoutTooltip: true },
};

const sourcesOf = ({ folder, shared }: { folder: string; shared: string[] }) =>
  [...readdirSync(new URL(`../${folder}/`, import.meta.url)).map((f) => `${folder}/${f}`), ...shared].map(read).join('\n');

/** The light theme's tokens and the base tokens (font, size, radius), from theme.ts. */
function themeDefaults(): Map<string, string> {
  const theme = read('src/internal/theme.ts');
  const light = theme.slice(theme.indexOf('const light'), theme.indexOf('const dark'));
  const base = theme.slice(theme.indexOf('export const themeStyles'));
  const tokens = (text: string) => [...text.matchAll(/(--kam-[\w-]+): ([^;]+);/g)].map((m) => [m[1]!, m[2]!.trim()] as const);
  return new Map([...tokens(base), ...tokens(light)]);
}

const elements = manifestElements();

describe('custom-elements.json', () => {
  it('has all six elements, each with a summary', () => {
    expect([...elements.keys()].sort()).toEqual(['kam-feed', 'kam-pareto', 'kam-quadrant', 'kam-red-flags', 'kam-scorecard', 'kam-tier-matrix']);
    for (const [tag, d] of elements) expect(d.summary, tag).toMatch(/\w{4,}/);
    expect(elements.get('kam-feed')!.description).toContain('feed="ID"');
  });

  for (const [tag, widget] of Object.entries(WIDGETS)) {
    describe(tag, () => {
      const rendered = sourcesOf(widget);
      const d = elements.get(tag)!;

      it('documents every ::part rendered, and no other', () => {
        const markup = widget.withoutTooltip ? sourcesOf({ ...widget, shared: widget.shared.filter((file) => !file.endsWith('/tooltip.ts')) }) : rendered;
        const parts = new Set([...markup.matchAll(/part="([^"$]+)"/g)].flatMap((m) => m[1]!.split(/\s+/)));
        const documented = new Set((d.cssParts ?? []).map((p) => p.name));
        expect(parts.size).toBeGreaterThan(20);
        expect([...parts].filter((p) => !documented.has(p))).toEqual([]);
        expect([...documented].filter((p) => !parts.has(p))).toEqual([]);
      });

      it('documents every custom property its styles read, with the light theme value as default', () => {
        const used = new Set([...rendered.matchAll(/var\((--kam-[\w-]+)/g)].map((m) => m[1]!));
        const documented = new Map((d.cssProperties ?? []).map((p) => [p.name, p.default]));
        expect([...used].filter((p) => !documented.has(p))).toEqual([]);
        expect([...documented.keys()].filter((p) => !used.has(p))).toEqual([]);
        const defaults = themeDefaults();
        for (const [name, value] of documented) if (defaults.has(name)) expect({ name, value }).toEqual({ name, value: defaults.get(name) });
        if (documented.has('--kam-table-max-height')) expect(documented.get('--kam-table-max-height')).toBe('28em'); // data-table's fallback
      });

      it('describes every attribute and event', () => {
        for (const a of d.attributes ?? []) expect(a.description, `${tag} [${a.name}]`).toMatch(/\w{3,}/);
        expect((d.events ?? []).map((e) => e.name)).toEqual(expect.arrayContaining(['kam-load', 'kam-error']));
        for (const e of d.events ?? []) expect(e.description, `${tag} ${e.name}`).toMatch(/\w{3,}/);
      });
    });
  }
});
