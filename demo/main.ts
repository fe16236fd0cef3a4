import '../src/index.js';
import { parseCsvFeed } from '../src/feed/csv.js';
import type { KamFeed } from '../src/components/feed/kam-feed.js';

const $ = <T extends Element>(selector: string) => document.querySelector<T>(selector)!;
const feed = $<KamFeed>('#portfolio');
const theme = $<HTMLSelectElement>('#theme');
const locale = $<HTMLSelectElement>('#locale');
const status = $<HTMLOutputElement>('#feed-status');
const widgets = () => [...document.querySelectorAll<HTMLElement>('[feed]')];

function applyTheme(): void {
  document.documentElement.dataset.theme = theme.value;
  for (const el of widgets()) el.setAttribute('theme', theme.value);
}
function applyLocale(): void {
  document.documentElement.lang = locale.value;
  for (const el of widgets()) el.setAttribute('locale', locale.value);
}
theme.addEventListener('change', applyTheme);
locale.addEventListener('change', applyLocale);
applyTheme();
applyLocale();

/** A file from disk: CSV through the kit's CSV reader (numbers as the chosen locale writes them), anything else as JSON text. */
$<HTMLInputElement>('#feed-file').addEventListener('change', async (event) => {
  const file = (event.target as HTMLInputElement).files?.[0];
  if (!file) return;
  const text = await file.text();
  const csv = /\.csv$/i.test(file.name) || file.type === 'text/csv';
  try {
    feed.removeAttribute('src');
    // Invalid JSON or a broken feed is reported by every widget with its problems.
    feed.data = csv ? parseCsvFeed(text, { locale: locale.value }) : text;
    status.value = `Showing ${file.name}.`;
  } catch (error) {
    feed.data = undefined;
    status.value = `${file.name}: ${error instanceof Error ? error.message : String(error)}`;
  }
});

$<HTMLFormElement>('#load-url').addEventListener('submit', (event) => {
  event.preventDefault();
  const url = $<HTMLInputElement>('#feed-url').value.trim();
  if (!url) return;
  feed.data = undefined;
  feed.src = url;
  status.value = `Loading ${url}…`;
});

$<HTMLButtonElement>('#feed-sample').addEventListener('click', () => {
  feed.data = undefined;
  feed.src = './sample-feed.json';
  status.value = 'Showing the sample feed.';
});

feed.addEventListener('kam-load', () => {
  if (status.value.startsWith('Loading')) status.value = status.value.replace(/^Loading (.*)…$/, 'Showing $1.');
});
feed.addEventListener('kam-error', (event) => {
  status.value = `Could not load the feed: ${(event as CustomEvent<{ error: Error }>).detail.error.message}`;
});
