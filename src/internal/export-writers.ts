/**
 * The export menu's writers, loaded on the first export (see export.ts for the CSV text): the chart as
 * a standalone SVG document and as a PNG image, and saving a file.
 */
import { ExportError } from './export.js';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Presentation properties copied from the live chart into the exported SVG, so it looks the same standalone. */
const INLINED = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
  'visibility',
] as const;

/**
 * A standalone SVG document of a live chart: computed styles (which resolve the theme's custom
 * properties) are written onto each node, elements marked `data-export="skip"` (focus rings, hover
 * highlights) are dropped, and a background rectangle in the theme colour is added. `edit` may change the
 * copy before it is written out, as nodes of the copy's own document (`copy.ownerDocument`): no markup is
 * parsed, so it works under Trusted Types.
 */
export function svgDocument(svg: SVGSVGElement, options: { title: string; background: string; edit?: (copy: SVGSVGElement) => void }): string {
  // The copy lives in a document of its own, without a window: nothing in it loads (an image added by `edit`
  // would otherwise be fetched under the page's img-src).
  const clone = document.implementation.createDocument(SVG_NS, null).importNode(svg, true);
  const live = [svg, ...svg.querySelectorAll('*')];
  const copies = [clone, ...clone.querySelectorAll('*')];
  for (let i = 0; i < live.length; i++) {
    const source = live[i]!;
    const target = copies[i] as SVGElement;
    if (source.getAttribute('data-export') === 'skip') continue;
    const computed = getComputedStyle(source);
    for (const name of INLINED) {
      const value = computed.getPropertyValue(name);
      if (value) target.setAttribute(name, value);
    }
    target.removeAttribute('class');
    target.removeAttribute('style');
  }
  for (const skipped of clone.querySelectorAll('[data-export="skip"]')) skipped.remove();
  options.edit?.(clone);
  const { width, height } = svg.getBoundingClientRect();
  clone.setAttribute('xmlns', SVG_NS);
  clone.setAttribute('width', String(Math.round(width)));
  clone.setAttribute('height', String(Math.round(height)));
  clone.setAttribute('viewBox', `0 0 ${Math.round(width)} ${Math.round(height)}`);
  clone.removeAttribute('aria-hidden');
  clone.setAttribute('role', 'img');
  const title = clone.ownerDocument.createElementNS(SVG_NS, 'title');
  title.textContent = options.title;
  const background = clone.ownerDocument.createElementNS(SVG_NS, 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', options.background);
  clone.prepend(title, background);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}`;
}

/**
 * Rasterizes an SVG document to PNG at `scale` x its size (2 = sharp on high-density screens). Needs the
 * page's policy to allow `blob:` images; under a policy that forbids them the promise rejects with an
 * ExportError that says so (SVG and CSV export still work).
 */
export async function svgToPng(svgText: string, width: number, height: number, scale = 2): Promise<Blob> {
  // A chart that is not laid out (hidden, detached) would make an empty 1 x 1 image: say so, save nothing.
  if (!(width >= 1 && height >= 1)) throw new ExportError('PNG export needs the chart on screen: it has no size now (is the widget hidden?). Nothing was saved.');
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const image = new Image();
    image.decoding = 'async';
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () =>
        reject(new ExportError("PNG export is blocked: this page's Content-Security-Policy does not allow blob: images (img-src). SVG and CSV export still work."));
      image.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(width * scale));
    canvas.height = Math.max(1, Math.round(height * scale));
    const context = canvas.getContext('2d');
    if (!context) throw new ExportError('PNG export needs a 2D canvas, which this browser did not provide.');
    context.scale(scale, scale);
    context.drawImage(image, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new ExportError('The browser could not encode the PNG.'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Saves a blob as a file through a temporary download link. */
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
