/**
 * A build plugin that removes the indentation inside Lit's tagged templates (css``, html``, svg``) of the
 * kit's own sources. The JS minifier leaves template text alone, and in a component kit that text (markup
 * and styles, indented for reading) is a large share of the script. Only whitespace and CSS comments
 * change: a run of whitespace that contains a line break becomes one space (which HTML and CSS treat the
 * same), and CSS loses the spaces around braces and semicolons. Expressions (`${...}`) are untouched.
 */
import ts from 'typescript';
import type { Plugin } from 'vite';

const TAGS = new Set(['css', 'html', 'svg']);

export function minifyTemplate(text: string, tag: string): string {
  if (tag === 'css') {
    return text
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\s+/g, ' ')
      .replace(/\s*([{};])\s*/g, '$1');
  }
  return text.replace(/\s*\n\s*/g, ' ');
}

/** The source with the static parts of css/html/svg tagged templates minified. */
export function minifyLiterals(code: string, fileName: string): string {
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const edits: { start: number; end: number; text: string }[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && TAGS.has(node.tag.text)) {
      const tag = node.tag.text;
      const template = node.template;
      const parts = ts.isNoSubstitutionTemplateLiteral(template) ? [template] : [template.head, ...template.templateSpans.map((s) => s.literal)];
      for (const part of parts) {
        // The raw text sits between the opening (` or }) and the closing (` or ${) delimiters.
        const start = part.getStart(source) + 1;
        const end = part.end - (part.kind === ts.SyntaxKind.TemplateHead || part.kind === ts.SyntaxKind.TemplateMiddle ? 2 : 1);
        const raw = code.slice(start, end);
        const text = minifyTemplate(raw, tag);
        if (text !== raw) edits.push({ start, end, text });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  let out = code;
  for (const edit of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}

export function minifyLiteralsPlugin(): Plugin {
  return {
    name: 'kam:minify-literals',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !/\b(css|html|svg)`/.test(code)) return undefined;
      return { code: minifyLiterals(code, id), map: null };
    },
  };
}
