/**
 * Every Lit template in src binds its expressions where Salesforce's Lightning Web Security keeps them.
 * LWS sanitizes the HTML Lit builds a template from: it keeps the markers of attribute, property, event
 * and boolean bindings, and drops the marker of an element-position binding (`<div ${directive()}>`), after
 * which every later part of the template receives the wrong value. The positions are Lit's own: each
 * template's static strings go through lit-html's template preparation (its SSR support exports it).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { _$LH } from 'lit-html/private-ssr-support.js';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const END = '\u0001';

/** `file:line` of each expression in an html`` or svg`` template of `code` that sits in element position. */
function elementBindings(code: string, fileName: string): string[] {
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && (node.tag.text === 'html' || node.tag.text === 'svg') && !ts.isNoSubstitutionTemplateLiteral(node.template)) {
      const { head, templateSpans } = node.template;
      const strings = [head.text, ...templateSpans.map((span) => span.literal.text)];
      templateSpans.forEach((span, i) => {
        // Lit prepares the strings up to binding i; an element-position binding is the one it marks with
        // the marker followed by the binding's index (an attribute gets the marker alone).
        const upTo = [...strings.slice(0, i + 1), END];
        const [html] = _$LH.getTemplateHtml(Object.assign(upTo, { raw: upTo }) as unknown as TemplateStringsArray, _$LH.HTML_RESULT as 1);
        if (String(html).endsWith(`${_$LH.marker}${i}${END}`)) {
          found.push(`${fileName}:${source.getLineAndCharacterOfPosition(span.expression.getStart(source)).line + 1}`);
        }
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(path) : entry.name.endsWith('.ts') ? [path] : [];
  });
}

describe('element-position bindings', () => {
  it('are found where Lit puts an expression in a tag without an attribute name', () => {
    const code = [
      'html`<div ${inlineStyle(a)}>${b}</div>`;',
      'svg`<g class=${c} ${d}></g>`;',
      'html`<div .style=${inlineStyle(a)} @click=${e} ?hidden=${f} class="x ${g}" title=${h}><p>${i}</p></div>`;',
    ].join('\n');
    expect(elementBindings(code, 'example.ts')).toEqual(['example.ts:1', 'example.ts:2']);
  });

  it('are not used by any template in src (Lightning Web Security drops them)', () => {
    const files = sourceFiles(resolve(root, 'src'));
    expect(files.length).toBeGreaterThan(50);
    const found = files.flatMap((file) => elementBindings(readFileSync(file, 'utf8'), relative(root, file)));
    expect(found).toEqual([]);
  });
});
