/** kam-widgets from a bundled app: import the elements, set the shared feed's data from code. */
import 'kam-widgets'; // registers every element
import { parseFeed } from 'kam-widgets/feed';
import { pareto } from 'kam-widgets/analysis';
import type { KamFeed } from 'kam-widgets';

const feed = parseFeed([
  { id: 'a', name: 'Acme', revenue: 500_000, previousRevenue: 400_000, nps: 9 },
  { id: 'b', name: 'Bolt', revenue: 300_000, previousRevenue: 320_000, nps: 6 },
  { id: 'c', name: 'Cobalt', revenue: 120_000, previousRevenue: 100_000, nps: 10 },
]);
document.querySelector<KamFeed>('kam-feed')!.data = feed;
document.body.dataset.vitalFew = String(pareto(feed.accounts).vitalFew);
