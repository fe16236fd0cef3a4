/**
 * Refines the argTypes Storybook reads from custom-elements.json, so the Controls panel works for every
 * attribute and the docs table says what each event carries:
 * - attributes and properties whose type is a plain string, number, boolean or a union of string
 *   literals (`'json' | 'csv' | undefined`) get that control instead of the generic object editor;
 * - events, slots, parts and CSS custom properties get no control (there is nothing to set);
 * - each event's description ends with the fields of its `detail`, read from src/internal/events.ts
 *   (the one place the kit's event types live), so it cannot drift from the code.
 */
import type { Preview } from '@storybook/web-components-vite';
import eventsSource from '../src/internal/events.ts?raw';

type Enhancer = NonNullable<Preview['argTypesEnhancers']>[number];

const NO_CONTROL = new Set(['events', 'slots', 'css shadow parts', 'css custom properties']);

interface DetailField {
  name: string;
  type: string;
  doc: string;
}

/** `export interface KamXDetail { /** doc *\/ name: type; … }` blocks of events.ts, by interface name. */
export function detailInterfaces(source: string): Map<string, DetailField[]> {
  const interfaces = new Map<string, DetailField[]>();
  for (const [, name, body] of source.matchAll(/export interface (\w+Detail) \{([\s\S]*?)\n\}/g)) {
    const fields = [...body!.matchAll(/(?:\/\*\*\s*([\s\S]*?)\s*\*\/\s*)?(\w+)(\?)?:\s*([^;]+);/g)].map(([, doc, field, optional, type]) => ({
      name: `${field}${optional ?? ''}`,
      type: type!.trim(),
      doc: (doc ?? '').replace(/\s*\n\s*\*\s*/g, ' ').trim(),
    }));
    interfaces.set(name!, fields);
  }
  return interfaces;
}

const DETAILS = detailInterfaces(eventsSource);

function detailText(typeText: string | undefined): string | undefined {
  const name = /^CustomEvent<(\w+)>$/.exec(typeText ?? '')?.[1];
  const fields = name ? DETAILS.get(name) : undefined;
  if (!fields?.length) return undefined;
  return `\`event.detail\` (${name}):\n${fields.map((f) => `- \`${f.name}\`: \`${f.type}\`${f.doc ? `. ${f.doc}` : ''}`).join('\n')}`;
}

/** The Storybook type and options for a TypeScript type text, when a simple control fits it. */
function simpleType(typeText: string | undefined): { type: { name: string; value?: string[] }; options?: string[] } | undefined {
  const parts = (typeText ?? '').split('|').map((p) => p.trim()).filter((p) => p !== 'undefined' && p !== 'null');
  if (parts.length === 1 && ['string', 'number', 'boolean'].includes(parts[0]!)) return { type: { name: parts[0]! } };
  if (parts.length > 0 && parts.every((p) => /^'[^']*'$/.test(p))) {
    const options = parts.map((p) => p.slice(1, -1));
    return { type: { name: 'enum', value: options }, options };
  }
  return undefined;
}

export const kitArgTypes: Enhancer = ({ argTypes }) =>
  Object.fromEntries(
    Object.entries(argTypes).map(([key, argType]) => {
      const category = String(argType.table?.category ?? '');
      const typeText = argType.table?.type?.summary;
      if (NO_CONTROL.has(category)) {
        const detail = category === 'events' ? detailText(typeText) : undefined;
        return [key, { ...argType, control: false, ...(detail ? { description: `${argType.description ?? ''}\n\n${detail}` } : {}) }];
      }
      if ((category === 'attributes' || category === 'properties') && argType.control === undefined) {
        const simple = simpleType(typeText);
        if (simple) return [key, { ...argType, ...simple }];
      }
      return [key, argType];
    }),
  );
