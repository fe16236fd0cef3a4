import '../src/index.js';
import type { KamFeed } from '../src/components/feed/kam-feed.js';
import type { KamErrorDetail } from '../src/internal/events.js';

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

/**
 * A file from disk goes to the feed as text: CSV read with the chosen locale's numbers and currency,
 * anything else as JSON. Invalid JSON or a broken feed is reported by every widget with its problems.
 */
$<HTMLInputElement>('#feed-file').addEventListener('change', async (event) => {
  const file = (event.target as HTMLInputElement).files?.[0];
  if (!file) return;
  const csv = /\.csv$/i.test(file.name) || file.type === 'text/csv';
  feed.removeAttribute('src');
  feed.setAttribute('format', csv ? 'csv' : 'json');
  feed.setAttribute('locale', locale.value);
  feed.setAttribute('currency', $<HTMLSelectElement>('#feed-currency').value);
  feed.data = await file.text();
  status.value = `Showing ${file.name}.`;
});

$<HTMLFormElement>('#load-url').addEventListener('submit', (event) => {
  event.preventDefault();
  const url = $<HTMLInputElement>('#feed-url').value.trim();
  if (!url) return;
  feed.data = undefined;
  feed.removeAttribute('format'); // by the URL's extension or the response's content type
  feed.src = url;
  status.value = `Loading ${url}…`;
});

$<HTMLButtonElement>('#feed-sample').addEventListener('click', () => {
  feed.data = undefined;
  feed.removeAttribute('format');
  feed.src = './sample-feed.json';
  status.value = 'Showing the sample feed.';
});

feed.addEventListener('kam-load', () => {
  if (status.value.startsWith('Loading')) status.value = status.value.replace(/^Loading (.*)…$/, 'Showing $1.');
});
feed.addEventListener('kam-error', (event) => {
  const { error, stale } = (event as CustomEvent<KamErrorDetail>).detail;
  status.value = stale ? `A refresh failed; showing the last good load. ${error.message}` : `Could not load the feed: ${error.message}`;
});
