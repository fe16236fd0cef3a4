/**
 * `<div .style=${inlineStyle({ left: '12px' })}>`: sets inline styles through the CSSOM (element.style), never
 * through a `style` attribute. Lit's styleMap writes the attribute on first render, which a strict
 * Content-Security-Policy (style-src without 'unsafe-inline') blocks and reports; CSSOM writes are allowed.
 *
 * A property binding, not an element-position one (`<div ${...}>`): Salesforce's Lightning Web Security
 * sanitizes the HTML Lit builds its templates from, keeps the markers of property bindings, and drops the
 * marker of an element-position binding, which shifts every later part of the template.
 */
import { noChange } from 'lit';
import { Directive, directive, PartType, type PartInfo, type PropertyPart } from 'lit/directive.js';

export type StyleInfo = Readonly<Record<string, string | number | undefined | null>>;

const kebab = (name: string) => (name.startsWith('--') ? name : name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`));

class InlineStyleDirective extends Directive {
  #previous = new Set<string>();

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.PROPERTY || part.name !== 'style') throw new Error('inlineStyle() goes in a .style binding: <div .style=${inlineStyle({...})}>');
  }

  render(_styles: StyleInfo) {
    return noChange;
  }

  override update(part: PropertyPart, [styles]: [StyleInfo]) {
    const style = (part.element as HTMLElement | SVGElement).style;
    const next = new Set<string>();
    for (const [name, value] of Object.entries(styles)) {
      if (value === undefined || value === null) continue;
      const property = kebab(name);
      next.add(property);
      style.setProperty(property, String(value));
    }
    for (const property of this.#previous) if (!next.has(property)) style.removeProperty(property);
    this.#previous = next;
    // The styles are set; Lit must not assign anything to the element's style property itself.
    return noChange;
  }
}

export const inlineStyle = directive(InlineStyleDirective);
