/**
 * inlineStyle(): styles through the CSSOM (a strict style-src blocks a written `style` attribute), in a
 * `.style` property binding (the binding Lightning Web Security's sanitizer keeps, see
 * test/lit-templates.test.ts).
 */
import { describe, expect, it, vi } from 'vitest';
import { html, render } from 'lit';
import { inlineStyle, type StyleInfo } from '../../src/internal/style-directive.js';

const box = (styles: StyleInfo) => html`<div .style=${inlineStyle(styles)}></div>`;

describe('inlineStyle()', () => {
  it('sets, updates and removes properties through element.style, never through setAttribute', () => {
    const container = document.createElement('div');
    const setAttribute = vi.spyOn(Element.prototype, 'setAttribute');
    render(box({ left: '12px', minHeight: '40px', '--kam-x': 3 }), container);
    const div = container.firstElementChild as HTMLElement;
    expect([div.style.left, div.style.minHeight, div.style.getPropertyValue('--kam-x')]).toEqual(['12px', '40px', '3']);
    render(box({ left: '20px', top: undefined }), container);
    expect([div.style.left, div.style.top, div.style.minHeight, div.style.getPropertyValue('--kam-x')]).toEqual(['20px', '', '', '']);
    expect(setAttribute.mock.calls.filter(([name]) => name === 'style')).toEqual([]);
    setAttribute.mockRestore();
  });

  it('refuses any other binding, so a template that misplaces it fails at once', () => {
    const container = document.createElement('div');
    expect(() => render(html`<div title=${inlineStyle({ left: '1px' })}></div>`, container)).toThrow('inlineStyle() goes in a .style binding');
  });
});
