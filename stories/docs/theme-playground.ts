/**
 * <docs-theme-playground>: edit the design tokens with colour inputs and see the four widgets change;
 * the CSS to paste into a page is written below. The tokens and their defaults come from
 * src/internal/theme.ts (see theme-tokens.ts). Light DOM, styled by .storybook/preview.css.
 */
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Theme } from '../../src/index.js';
import { linkedWidgets } from './dashboard.js';
import { COLOUR_TOKENS, TOKENS, type Token } from './theme-tokens.js';
import { WIDGET_TAGS } from './manifest.js';

type Mode = 'light' | 'dark';

/** Pairs a designer should keep readable, with the WCAG contrast each needs. */
const CONTRAST_PAIRS: readonly { fg: string; bg: string; label: string; needs: number }[] = [
  { fg: '--kam-fg', bg: '--kam-bg', label: 'Text on background', needs: 4.5 },
  { fg: '--kam-muted', bg: '--kam-bg', label: 'Secondary text on background', needs: 4.5 },
  { fg: '--kam-accent', bg: '--kam-bg', label: 'Accent marks on background', needs: 3 },
  { fg: '--kam-tooltip-fg', bg: '--kam-tooltip-bg', label: 'Tooltip text', needs: 4.5 },
  { fg: '--kam-error', bg: '--kam-error-bg', label: 'Error text', needs: 4.5 },
];

function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** WCAG 2 contrast ratio of two #rrggbb colours. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const OTHER_TOKENS = TOKENS.filter((token) => !COLOUR_TOKENS.includes(token));
const defaultOf = (token: Token, mode: Mode) => (mode === 'dark' ? (token.dark ?? token.light) : token.light);
const TAGS = `:is(${WIDGET_TAGS.join(', ')})`;

function block(selector: string, values: ReadonlyMap<string, string>): string {
  if (!values.size) return '';
  return `${selector} {\n${[...values].map(([name, value]) => `  ${name}: ${value};`).join('\n')}\n}\n`;
}

/** The CSS a page needs for the edited tokens; only tokens that differ from the kit's defaults. */
export function themeCss(shared: ReadonlyMap<string, string>, light: ReadonlyMap<string, string>, dark: ReadonlyMap<string, string>): string {
  const css = [
    block(TAGS, shared),
    block(`${TAGS}:is(:not([theme]), [theme='light'])`, light),
    block(`${TAGS}[theme='dark']`, dark),
  ].filter(Boolean);
  if (!css.length) return '/* No token changed yet: edit one above. */\n';
  return `/* kam-widgets theme. Rules on the elements win over their built-in defaults; theme="auto" keeps the kit's colours. */\n${css.join('\n')}`;
}

/** Numbers the instances, so each one's feed id is unique on the page. */
let instances = 0;

export class DocsThemePlayground extends LitElement {
  /** URL of the feed the widgets show. */
  @property() src = './sample-feed.json';

  /** Id of the playground's <kam-feed>; unique on the page. */
  @property({ attribute: 'feed-id' }) feedId = `theme-playground-feed-${++instances}`;

  /** Which theme's colours the inputs edit and the widgets show. */
  @state() mode: Mode = 'light';

  @state() private shared = new Map<string, string>();
  @state() private colours: Record<Mode, Map<string, string>> = { light: new Map(), dark: new Map() };
  @state() private copyStatus = '';

  protected override createRenderRoot() {
    return this;
  }

  /** The value in force for a token in the current mode. */
  tokenValue(token: Token): string {
    return this.shared.get(token.name) ?? this.colours[this.mode].get(token.name) ?? defaultOf(token, this.mode);
  }

  /** Sets a token (for the current mode when it is a colour); the default value removes the override. */
  setToken(name: string, value: string): void {
    const token = TOKENS.find((t) => t.name === name);
    if (!token) throw new Error(`${name} is not a token of src/internal/theme.ts`);
    const colour = COLOUR_TOKENS.includes(token);
    const target = new Map(colour ? this.colours[this.mode] : this.shared);
    if (value.trim() === '' || value.toLowerCase() === defaultOf(token, this.mode).toLowerCase()) target.delete(name);
    else target.set(name, value.trim());
    if (colour) this.colours = { ...this.colours, [this.mode]: target };
    else this.shared = target;
  }

  reset(): void {
    this.shared = new Map();
    this.colours = { light: new Map(), dark: new Map() };
  }

  /** The CSS to copy. */
  get css(): string {
    return themeCss(this.shared, this.colours.light, this.colours.dark);
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('shared') || changed.has('colours')) this.copyStatus = '';
  }

  private async copy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(this.css);
      this.copyStatus = 'CSS copied.';
    } catch {
      this.querySelector<HTMLElement>('.sb-playground-css')?.focus();
      this.copyStatus = 'The browser did not allow copying: the CSS is focused, select it and copy by hand.';
    }
  }

  private tokensInForce(): Record<string, string> {
    return Object.fromEntries([...this.colours[this.mode], ...this.shared]);
  }

  private renderContrast() {
    const value = (name: string) => this.tokenValue(TOKENS.find((t) => t.name === name)!);
    return html`<ul class="sb-playground-contrast" aria-label="Contrast of the ${this.mode} colours">
      ${CONTRAST_PAIRS.map(({ fg, bg, label, needs }) => {
        const ratio = contrastRatio(value(fg), value(bg));
        return html`<li>${label}: ${ratio.toFixed(1)}:1 ${ratio >= needs ? html`(meets ${needs}:1)` : html`<strong>(below ${needs}:1)</strong>`}</li>`;
      })}
    </ul>`;
  }

  protected override render() {
    const theme: Theme = this.mode;
    return html`<div class="sb-playground">
      <form class="sb-playground-form" @submit=${(e: Event) => e.preventDefault()}>
        <fieldset class="sb-playground-mode">
          <legend>Theme to edit and preview</legend>
          ${(['light', 'dark'] as const).map(
            (mode) => html`<label
              ><input type="radio" name="mode" value=${mode} .checked=${this.mode === mode} @change=${() => (this.mode = mode)} /> ${mode === 'light' ? 'Light' : 'Dark'}</label
            >`,
          )}
          <button type="button" @click=${() => this.reset()}>Reset all tokens</button>
        </fieldset>
        <fieldset class="sb-playground-tokens">
          <legend>Colours (${this.mode} theme)</legend>
          ${COLOUR_TOKENS.map(
            (token) => html`<label class="sb-token"
              ><input
                type="color"
                name=${token.name}
                .value=${this.tokenValue(token)}
                @input=${(e: Event) => this.setToken(token.name, (e.target as HTMLInputElement).value)}
              /><code>${token.name}</code> <span class="sb-token-value">${this.tokenValue(token)}</span></label
            >`,
          )}
        </fieldset>
        <fieldset class="sb-playground-tokens">
          <legend>Type and shape (both themes)</legend>
          ${OTHER_TOKENS.map(
            (token) => html`<label class="sb-token"
              ><code>${token.name}</code>
              <input
                type="text"
                name=${token.name}
                .value=${this.tokenValue(token)}
                @change=${(e: Event) => this.setToken(token.name, (e.target as HTMLInputElement).value)}
            /></label>`,
          )}
        </fieldset>
        ${this.renderContrast()}
      </form>
      <div class="sb-playground-output">
        <h3 id="${this.feedId}-css">CSS for your page</h3>
        <pre class="sb-playground-css" tabindex="0" aria-labelledby="${this.feedId}-css"><code>${this.css}</code></pre>
        <button type="button" @click=${() => void this.copy()}>Copy CSS</button>
        <span role="status">${this.copyStatus || nothing}</span>
      </div>
      <div class="sb-playground-preview">
        <kam-feed id=${this.feedId} src=${this.src}></kam-feed>
        ${linkedWidgets(this.feedId, theme, this.tokensInForce())}
      </div>
    </div>`;
  }
}

/**
 * Registers <docs-theme-playground>. A function to call, not a side effect of importing: package.json lists which
 * modules have side effects, and a bundler drops a bare `import` of any other module.
 */
export function defineThemePlayground(): void {
  if (!customElements.get('docs-theme-playground')) customElements.define('docs-theme-playground', DocsThemePlayground);
}

declare global {
  interface HTMLElementTagNameMap {
    'docs-theme-playground': DocsThemePlayground;
  }
}
