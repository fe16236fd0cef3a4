/**
 * <docs-try-your-data>: paste a feed (JSON or CSV) or choose a file, and the four widgets show it
 * through one <kam-feed>; what the kit makes of the input is listed next to it. JSON text is set as the
 * feed's `data` as it is, so the feed validates it exactly as in a page; CSV goes through parseCsvFeed with
 * the chosen number locale first. Light DOM, styled by .storybook/preview.css.
 */
import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { FeedError, describeProblem, mapJsonDocument, parseCsvFeed, parseFieldMap, parseJsonText, summarizeSkipped } from '../../src/feed/index.js';
import type { KamFeed, KamErrorDetail, KamLoadDetail } from '../../src/index.js';
import { linkedWidgets } from './dashboard.js';

type Format = 'auto' | 'json' | 'csv';

export const CSV_LOCALES = ['en-US', 'en-GB', 'de-DE', 'de-CH', 'fr-FR', 'en-IN', 'ja-JP'] as const;
export const CURRENCIES = ['USD', 'EUR', 'GBP', 'CHF', 'INR', 'JPY'] as const;

export const JSON_EXAMPLE = `{
  "version": 1,
  "currency": "EUR",
  "accounts": [
    { "id": "A-1", "name": "Acme GmbH", "revenue": 1250000, "previousRevenue": 1100000, "profit": 180000, "potential": 2000000, "effort": 120, "nps": 9 },
    { "id": "A-2", "name": "Borealis AB", "revenue": 420000, "previousRevenue": 460000, "profit": -12000, "potential": 500000, "effort": 95, "nps": 5 },
    { "id": "A-3", "name": "Cobalt Ltd", "revenue": 90000, "previousRevenue": 60000, "profit": 15000, "potential": 400000, "effort": 20, "nps": 10 }
  ]
}`;

/** A CRM export with numbers as de-DE writes them ("." groups thousands, "," marks decimals), and one bad cell. */
export const CSV_EXAMPLE = `id,name,revenue,previousRevenue,profit,potential,effort,segment
A-1,Acme GmbH,"1.250.000,00 €","1.100.000,00 €","180.000",2.000.000,120,Enterprise
A-2,Borealis AB,"420.000,50 €","460.000 €","-12.000",500.000,95,Corporate
A-3,Cobalt Ltd,"90.000 €","60.000 €","15.000",400.000,20,SMB
A-4,Delta Oy,12k,,,,,SMB`;

/** JSON or CSV, by the first character: a feed document or an array of accounts starts with { or [. */
export function detectFormat(text: string): 'json' | 'csv' {
  return /^\s*[[{]/.test(text) ? 'json' : 'csv';
}

interface Messages {
  tone: 'none' | 'ok' | 'warning' | 'error';
  summary: string;
  problems: string[];
}

const NO_INPUT: Messages = { tone: 'none', summary: 'Paste a feed above or choose a file: the widgets below show it.', problems: [] };

/** Numbers the instances, so each one's feed id is unique on the page. */
let instances = 0;

export class DocsTryYourData extends LitElement {
  /** Id of the <kam-feed> the widgets share; unique on the page. */
  @property({ attribute: 'feed-id' }) feedId = `try-your-data-feed-${++instances}`;

  /** How the text is read. */
  @state() format: Format = 'auto';
  /** How a CSV file writes numbers. */
  @state() locale = 'en-US';
  /** Currency of a CSV file's money columns. */
  @state() currency = 'USD';
  /** Contract field to column or key: "id=AccountId,revenue=Annual Revenue". */
  @state() fieldMap = '';
  @state() private text = '';
  @state() private messages: Messages = NO_INPUT;
  /** How the last input was read, for the summary. */
  private readAs = '';
  private debounce?: ReturnType<typeof setTimeout>;

  protected override createRenderRoot() {
    return this;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.debounce);
  }

  private get feed(): KamFeed | null {
    return this.querySelector<KamFeed>('kam-feed');
  }

  /** Shows `text` in the widgets (what a paste, a file or an example calls). */
  async show(text: string, format: Format = this.format): Promise<void> {
    this.text = text;
    this.format = format;
    await this.updateComplete;
    this.apply();
  }

  /** Reads the current text and hands it to the feed. */
  apply(): void {
    clearTimeout(this.debounce);
    const feed = this.feed;
    if (!feed) return;
    const text = this.text;
    if (!text.trim()) {
      feed.data = undefined;
      this.messages = NO_INPUT;
      return;
    }
    const format = this.format === 'auto' ? detectFormat(text) : this.format;
    try {
      const fieldMap = parseFieldMap(this.fieldMap);
      if (format === 'csv') {
        this.readAs = `read as CSV, numbers as ${this.locale} writes them, money in ${this.currency}`;
        feed.data = parseCsvFeed(text, { locale: this.locale, currency: this.currency, fieldMap });
      } else {
        this.readAs = 'read as JSON';
        // Without a field map the text itself is the feed's data: <kam-feed> parses and validates it.
        feed.data = fieldMap.size ? mapJsonDocument(parseJsonText(text), fieldMap) : text;
      }
    } catch (error) {
      if (!(error instanceof FeedError)) throw error;
      feed.data = undefined;
      this.showError(error);
    }
  }

  private showError(error: FeedError): void {
    this.messages = { tone: 'error', summary: error.message, problems: error.problems.map(describeProblem) };
  }

  private onLoad(event: CustomEvent<KamLoadDetail>): void {
    const { feed } = event.detail;
    const skipped = summarizeSkipped(feed);
    const count = `${feed.accounts.length} account${feed.accounts.length === 1 ? '' : 's'}`;
    this.messages = skipped
      ? { tone: 'warning', summary: `${count} shown, ${skipped.text} (${this.readAs}):`, problems: skipped.reasons }
      : { tone: 'ok', summary: `The feed meets the contract: ${count} shown (${this.readAs}).`, problems: [] };
  }

  private onInput(event: Event): void {
    this.text = (event.target as HTMLTextAreaElement).value;
    clearTimeout(this.debounce);
    this.debounce = setTimeout(() => this.apply(), 250);
  }

  private async onFile(event: Event): Promise<void> {
    const file = (event.target as HTMLInputElement).files?.[0];
    if (!file) return;
    const format: Format = /\.csv$/i.test(file.name) ? 'csv' : /\.json$/i.test(file.name) ? 'json' : 'auto';
    await this.show(await file.text(), format);
  }

  private async loadSample(): Promise<void> {
    try {
      const response = await fetch('./sample-feed.json');
      await this.show(await response.text(), 'json');
    } catch (error) {
      this.messages = { tone: 'error', summary: `Could not load the sample feed: ${String(error)}`, problems: [] };
    }
  }

  private setOption(name: 'format' | 'locale' | 'currency' | 'fieldMap', value: string): void {
    if (name === 'format') this.format = value as Format;
    else this[name] = value;
    void this.updateComplete.then(() => this.apply());
  }

  private renderMessages() {
    const { tone, summary, problems } = this.messages;
    return html`<div class="sb-try-messages sb-tone-${tone}" role="status" aria-live="polite">
      <p class="sb-try-summary">${summary}</p>
      ${problems.length ? html`<ul aria-label="Problems">${problems.map((p) => html`<li>${p}</li>`)}</ul>` : nothing}
    </div>`;
  }

  protected override render() {
    const id = this.feedId;
    return html`<div class="sb-try">
      <div class="sb-try-input">
        <label for="${id}-text">Your feed (JSON or CSV)</label>
        <textarea id="${id}-text" spellcheck="false" rows="12" .value=${this.text} @input=${this.onInput}></textarea>
        <div class="sb-try-options">
          <label>File <input type="file" accept=".json,.csv,application/json,text/csv" @change=${this.onFile} /></label>
          <label
            >Read as
            <select .value=${this.format} @change=${(e: Event) => this.setOption('format', (e.target as HTMLSelectElement).value)}>
              <option value="auto">Detect</option>
              <option value="json">JSON</option>
              <option value="csv">CSV</option>
            </select></label
          >
          <label
            >CSV numbers
            <select @change=${(e: Event) => this.setOption('locale', (e.target as HTMLSelectElement).value)}>
              ${CSV_LOCALES.map((l) => html`<option value=${l} ?selected=${l === this.locale}>${l}</option>`)}
            </select></label
          >
          <label
            >CSV currency
            <select @change=${(e: Event) => this.setOption('currency', (e.target as HTMLSelectElement).value)}>
              ${CURRENCIES.map((c) => html`<option value=${c} ?selected=${c === this.currency}>${c}</option>`)}
            </select></label
          >
          <label class="sb-try-field-map"
            >Field map
            <input
              type="text"
              placeholder="id=AccountId,name=Account Name,revenue=Annual Revenue"
              .value=${this.fieldMap}
              @change=${(e: Event) => this.setOption('fieldMap', (e.target as HTMLInputElement).value)}
          /></label>
        </div>
        <div class="sb-try-examples">
          <button type="button" @click=${() => void this.show(JSON_EXAMPLE, 'auto')}>Small JSON example</button>
          <button
            type="button"
            @click=${() => {
              this.locale = 'de-DE';
              this.currency = 'EUR';
              void this.show(CSV_EXAMPLE, 'auto');
            }}
          >
            CSV example (de-DE, EUR)
          </button>
          <button type="button" @click=${() => void this.loadSample()}>The 250-account sample feed</button>
          <button type="button" @click=${() => void this.show('')}>Clear</button>
        </div>
        ${this.renderMessages()}
      </div>
      <kam-feed id=${id} @kam-load=${this.onLoad} @kam-error=${(e: CustomEvent<KamErrorDetail>) => this.showError(e.detail.error)}></kam-feed>
      ${linkedWidgets(id)}
    </div>`;
  }
}

/**
 * Registers <docs-try-your-data>. A function to call, not a side effect of importing: package.json lists which
 * modules have side effects, and a bundler drops a bare `import` of any other module.
 */
export function defineTryYourData(): void {
  if (!customElements.get('docs-try-your-data')) customElements.define('docs-try-your-data', DocsTryYourData);
}

declare global {
  interface HTMLElementTagNameMap {
    'docs-try-your-data': DocsTryYourData;
  }
}
