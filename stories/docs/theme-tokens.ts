/**
 * The design tokens as src/internal/theme.ts defines them, read from its stylesheet (not copied), with
 * their light and dark values.
 */
import { themeStyles } from '../../src/internal/theme.js';

export interface Token {
  name: string;
  light: string;
  /** Only colour tokens change with the theme. */
  dark?: string;
}

/**
 * `--kam-*` declarations of each top-level rule, by selector. Rules nested in @media (auto theme, forced
 * colours) are left out. Enough for theme.ts, which has no braces in values.
 */
function declarationsBySelector(cssText: string): Map<string, Map<string, string>> {
  const rules = new Map<string, Map<string, string>>();
  let depth = 0;
  for (const chunk of cssText.split('}')) {
    const opens = chunk.split('{').length - 1;
    const open = chunk.lastIndexOf('{');
    // A chunk ends one rule; it opened `opens` blocks, and the previous chunk's closing brace left `depth` open.
    if (opens === 1 && depth === 0) {
      const selector = chunk.slice(0, open).trim().replace(/\s+/g, ' ');
      const declarations = new Map<string, string>();
      for (const [, name, value] of chunk.slice(open + 1).matchAll(/(--kam-[\w-]+)\s*:\s*([^;]+);/g)) declarations.set(name!, value!.trim());
      if (declarations.size) rules.set(selector, declarations);
    }
    depth = Math.max(0, depth + opens - 1);
  }
  return rules;
}

const rules = declarationsBySelector(themeStyles.cssText);
const lightRule = rules.get(':host');
const darkRule = [...rules].find(([selector]) => /^:host\(\[theme=['"]dark['"]\]\)$/.test(selector))?.[1];
if (!lightRule || !darkRule) throw new Error('src/internal/theme.ts no longer has a :host and a :host([theme="dark"]) rule: update stories/docs/theme-tokens.ts.');

/** Every token, in the order theme.ts declares it. */
export const TOKENS: readonly Token[] = [...lightRule].map(([name, light]) => {
  const dark = darkRule.get(name);
  return dark === undefined ? { name, light } : { name, light, dark };
});

/** The tokens a colour input can edit (#rrggbb in both themes). */
export const COLOUR_TOKENS = TOKENS.filter((token) => /^#[0-9a-f]{6}$/i.test(token.light) && /^#[0-9a-f]{6}$/i.test(token.dark ?? ''));
