/**
 * The off-screen stage where a widget without a chart SVG (the scorecard's tiles, the red flags' list) is
 * drawn as one SVG while an export reads it; the drawing is the widget's, loaded on first use.
 */
import { css, html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { ExportError } from './export.js';

/** The stage's place, off screen: part of each drawing's styles, which load with it on the first export. */
export const exportStageStyles = css`
  .export-stage {
    position: absolute;
    top: 0;
    left: -100000px;
  }
`;

/**
 * The off-screen stage an export reads: drawn while any export runs (toPNG reads it through toSVG too),
 * removed when the last one ends.
 */
export class ExportStage implements ReactiveController {
  /** True while the stage is drawn. */
  shown = false;
  private running = 0;

  constructor(
    private readonly host: ReactiveControllerHost & { readonly renderRoot: ParentNode },
    /** Loads the drawing's code and styles (on the first export). */
    private readonly load: () => Promise<unknown>,
    /** What is exported, for the error without data ("scorecard"). */
    private readonly subject: string,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Runs an export, and removes the stage once the export has read it. */
  async around<T>(run: () => Promise<T>): Promise<T> {
    this.running++;
    try {
      return await run();
    } finally {
      if (--this.running === 0) {
        this.shown = false;
        this.host.requestUpdate();
      }
    }
  }

  /** The stage's SVG, once drawn. */
  async svg(): Promise<SVGSVGElement> {
    await this.load();
    this.shown = true;
    this.host.requestUpdate();
    await this.host.updateComplete;
    const element = this.host.renderRoot.querySelector<SVGSVGElement>('.export-stage svg.chart');
    if (!element) throw new ExportError(`There is no ${this.subject} to export yet: the widget has no data.`);
    return element;
  }

  /** The stage holding `drawing` (an SVG with class "chart") while an export reads it; nothing otherwise. */
  view(drawing: () => TemplateResult | undefined): TemplateResult | typeof nothing {
    const svg = this.shown ? drawing() : undefined;
    return svg ? html`<div class="export-stage" aria-hidden="true">${svg}</div>` : nothing;
  }
}
