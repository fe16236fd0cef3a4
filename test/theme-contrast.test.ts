/**
 * WCAG 2 non-text contrast of the tier colours: each tier colour must stand out at least 3:1 against the
 * background and the surface (the tier summary blocks) in the light and the dark theme. The colours are
 * read from the theme module itself, so a changed token is checked, not a copy of it.
 */
import { describe, expect, it } from 'vitest';
import { themeStyles } from '../src/internal/theme.js';

/** The `--kam-*` declarations of the first rule whose selector is `selector`. */
function tokens(selector: string): Record<string, string> {
  const css = themeStyles.cssText;
  const start = css.indexOf(`${selector} {`);
  if (start < 0) throw new Error(`no rule ${selector} in the theme`);
  const body = css.slice(start + selector.length + 2, css.indexOf('}', start));
  return Object.fromEntries([...body.matchAll(/(--kam-[\w-]+)\s*:\s*([^;]+);/g)].map((m) => [m[1]!, m[2]!.trim()]));
}

/** Relative luminance of a #rrggbb colour (WCAG 2.x). */
function luminance(hex: string): number {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new Error(`not a #rrggbb colour: ${hex}`);
  const [r, g, b] = match.slice(1).map((h) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

const THEMES = { light: tokens(':host'), dark: tokens(":host([theme='dark'])") };
const TIERS = ['--kam-tier-mvc', '--kam-tier-mgc', '--kam-tier-stc', '--kam-tier-bz'];
const GROUNDS = ['--kam-bg', '--kam-surface'];

describe('theme: contrast of the tier colours', () => {
  it('computes contrast as WCAG defines it', () => {
    expect(contrast('#000000', '#ffffff')).toBe(21);
    expect(contrast('#ffffff', '#ffffff')).toBe(1);
    // #767676 on white is the classic 4.5:1 grey: L = ((118/255 + 0.055) / 1.055)^2.4 = 0.1812, (1.05) / (0.2312) = 4.54.
    expect(contrast('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    // Light BZ #c1121f: R 0.5332, G 0.0060, B 0.0137 linear, L = 0.1186; on white 1.05 / 0.1686 = 6.23.
    expect(contrast(THEMES.light['--kam-tier-bz']!, '#ffffff')).toBeCloseTo(6.23, 1);
  });

  it('reads four tier colours and two grounds from each theme', () => {
    for (const theme of Object.values(THEMES)) for (const name of [...TIERS, ...GROUNDS]) expect(theme[name]).toMatch(/^#[0-9a-f]{6}$/i);
    // theme="auto" in a dark system scheme uses exactly the dark tokens.
    expect(tokens(":host([theme='auto'])")).toEqual(THEMES.dark);
  });

  for (const [name, theme] of Object.entries(THEMES)) {
    for (const tier of TIERS) {
      for (const ground of GROUNDS) {
        it(`${name}: ${tier} on ${ground} is at least 3:1`, () => {
          expect(contrast(theme[tier]!, theme[ground]!)).toBeGreaterThanOrEqual(3);
        });
      }
    }
  }

  it('maps every tier to one system colour in forced-colors mode, where the patterns tell them apart', () => {
    const css = themeStyles.cssText;
    const forced = css.slice(css.indexOf('@media (forced-colors: active)'));
    for (const tier of TIERS) expect(forced).toMatch(new RegExp(`${tier}:\\s*CanvasText;`));
  });
});
