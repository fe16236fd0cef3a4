/**
 * The kit's public surface as custom-elements.json records it (written by `npm run analyze` from the
 * class comments): what the docs pages list, so they show what autodocs shows.
 */
import manifest from '../../custom-elements.json';

export interface ManifestItem {
  name: string;
  description?: string;
  default?: string;
  type?: { text: string };
}

export interface ElementDoc {
  tagName: string;
  summary: string;
  cssProperties: ManifestItem[];
  cssParts: ManifestItem[];
  events: ManifestItem[];
  attributes: ManifestItem[];
}

interface Declaration extends Partial<Omit<ElementDoc, 'summary'>> {
  summary?: string;
  description?: string;
}

/** The four widgets, in the order the docs present them. */
export const WIDGET_TAGS = ['kam-pareto', 'kam-tier-matrix', 'kam-scorecard', 'kam-quadrant', 'kam-red-flags'] as const;

const declarations = (manifest.modules as unknown as { declarations?: Declaration[] }[]).flatMap((module) => module.declarations ?? []);

/** An element's entry in the manifest; throws when the analyzer did not find it (a missing @tag). */
export function elementDoc(tagName: string): ElementDoc {
  const found = declarations.find((declaration) => declaration.tagName === tagName);
  if (!found) throw new Error(`custom-elements.json has no <${tagName}>: run npm run analyze, and check the class comment's @tag.`);
  return {
    tagName,
    summary: (found.summary ?? found.description ?? '').replace(/\s+/g, ' ').trim(),
    cssProperties: found.cssProperties ?? [],
    cssParts: found.cssParts ?? [],
    events: found.events ?? [],
    attributes: found.attributes ?? [],
  };
}

export const widgetDocs = (): ElementDoc[] => WIDGET_TAGS.map(elementDoc);

export interface SharedName {
  name: string;
  /** The widgets that document it, with their description and default. */
  by: { tagName: string; description: string; default?: string }[];
}

/** Every CSS custom property (or part) across the widgets, with the widgets that document it. */
export function acrossWidgets(kind: 'cssProperties' | 'cssParts'): SharedName[] {
  const byName = new Map<string, SharedName>();
  for (const doc of widgetDocs()) {
    for (const item of doc[kind]) {
      let entry = byName.get(item.name);
      if (!entry) byName.set(item.name, (entry = { name: item.name, by: [] }));
      entry.by.push({ tagName: doc.tagName, description: item.description ?? '', ...(item.default === undefined ? {} : { default: item.default }) });
    }
  }
  return [...byName.values()];
}
