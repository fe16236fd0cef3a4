/**
 * `<div ${inlineStyle({ left: '12px' })}>`: sets inline styles through the CSSOM (element.style), never
 * through a `style` attribute. Lit's styleMap writes the attribute on first render, which a strict
 * Content-Security-Policy (style-src without 'unsafe-inline') blocks and reports; CSSOM writes are allowed.
 */
import { nothing } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';

export type StyleInfo = Readonly<Record<string, string | number | undefined | null>>;

const kebab = (name: string) => (name.startsWith('--') ? name : name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`));

class InlineStyleDirective extends Directive {
  private previous = new Set<string>();

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('inlineStyle() goes in element position: <div ${inlineStyle({...})}>');
  }

  render(_styles: StyleInfo) {
    return nothing;
  }

  override update(part: ElementPart, [styles]: [StyleInfo]) {
    const style = (part.element as HTMLElement | SVGElement).style;
    const next = new Set<string>();
    for (const [name, value] of Object.entries(styles)) {
      if (value === undefined || value === null) continue;
      const property = kebab(name);
      next.add(property);
      style.setProperty(property, String(value));
    }
    for (const property of this.previous) if (!next.has(property)) style.removeProperty(property);
    this.previous = next;
    return nothing;
  }
}

export const inlineStyle = directive(InlineStyleDirective);
