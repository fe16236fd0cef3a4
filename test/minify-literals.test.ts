import { describe, expect, it } from 'vitest';
import { minifyLiterals } from '../scripts/minify-literals.js';

describe('minifying Lit templates in the build', () => {
  it('collapses indentation in html and svg, keeps expressions and other strings', () => {
    const code = 'const a = html`<div class="x">\n    <p>${name}  and\n  ${html`<b>\n   y</b>`}</p>\n</div>`;\nconst s = `keep\n   this`;';
    expect(minifyLiterals(code, 'a.ts')).toBe('const a = html`<div class="x"> <p>${name}  and ${html`<b> y</b>`}</p> </div>`;\nconst s = `keep\n   this`;');
  });

  it('drops CSS comments and the spaces around braces and semicolons', () => {
    const code = 'const s = css`\n  /* a comment */\n  :host {\n    color: red;\n    margin: 0 1px;\n  }\n  ${inner}\n  .a,\n  .b { x: y; }\n`;';
    expect(minifyLiterals(code, 'a.ts')).toBe('const s = css` :host{color: red;margin: 0 1px;}${inner} .a, .b{x: y;}`;');
  });
});
