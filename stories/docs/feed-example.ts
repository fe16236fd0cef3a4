/** The example feed of the docs page "The feed"; the FeedExample story checks that it meets the contract. */
export const EXAMPLE_FEED = {
  version: 1,
  currency: 'EUR',
  asOf: '2026-09-30',
  periods: { current: 'FY2026', previous: 'FY2025' },
  accounts: [
    {
      id: 'A-1',
      name: 'Acme GmbH',
      revenue: 1250000,
      previousRevenue: '1100000.00',
      profit: 180000,
      potential: 2000000,
      effort: 120,
      nps: 9,
      csat: 4.5,
      expanded: true,
      referenceable: true,
      owner: 'Ann Lee',
      segment: 'Enterprise',
      region: 'EMEA',
      url: 'https://crm.example.com/accounts/A-1',
      history: [
        { period: 'FY2024', revenue: 950000, profit: 140000, nps: 8 },
        { period: 'FY2025', revenue: 1100000, profit: 160000, nps: 9 },
      ],
    },
    { id: 'A-2', name: 'Borealis AB', revenue: 420000, previousRevenue: 460000, profit: -12000, potential: 500000, effort: 95, nps: 5, segment: 'Corporate', region: 'EMEA' },
    { id: 'A-3', name: 'Cobalt Ltd', revenue: 90000, previousRevenue: 60000, profit: 15000, potential: 400000, effort: 20, nps: 10, segment: 'SMB', region: 'APAC' },
    { id: 'A-4', name: 'Delta Oy', revenue: 65000, previousRevenue: 70000, profit: 4000, potential: 80000, effort: 35, csat: 3, tier: 'MGC', region: 'EMEA' },
  ],
  kpis: [{ id: 'nps', label: 'NPS (survey)', value: 42, previous: 38, target: 45, unit: 'score', better: 'higher' }],
} as const;

/**
 * The churn example of the page (and of docs/feed.md): a lost account has a point with revenue 0; an
 * account without a point for a period is unknown then, not lost. Retention now 50% (Bolt lost), in
 * 2026-Q2 100% (Delta has no 2026-Q2 point and is left out); Cobalt is new.
 */
export const CHURN_EXAMPLE = {
  version: 1,
  periods: { current: '2026-Q3', previous: '2026-Q2', order: ['2026-Q1', '2026-Q2', '2026-Q3'] },
  accounts: [
    {
      id: 'A-1',
      name: 'Acme',
      revenue: 130000,
      profit: 26000,
      nps: 9,
      history: [
        { period: '2026-Q1', revenue: 100000, profit: 19000 },
        { period: '2026-Q2', revenue: 120000, profit: 24000, nps: 8 },
      ],
    },
    { id: 'B-2', name: 'Bolt', revenue: 0, history: [{ period: '2026-Q1', revenue: 45000 }, { period: '2026-Q2', revenue: 40000 }] },
    { id: 'C-3', name: 'Cobalt', revenue: 20000 },
    { id: 'D-4', name: 'Delta', revenue: 55000, history: [{ period: '2026-Q1', revenue: 50000 }] },
  ],
} as const;

/** A JSON value on one line, with a space after each comma and colon. */
function inline(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(inline).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    return `{ ${Object.entries(value).map(([key, item]) => `${JSON.stringify(key)}: ${inline(item)}`).join(', ')} }`;
  }
  return JSON.stringify(value);
}

/** An object's entries on lines of at most `width` characters, continued under the first entry. */
function wrapped(value: Readonly<Record<string, unknown>>, indent: string, width = 100): string {
  const entries = Object.entries(value).map(([key, item], i, all) => `${JSON.stringify(key)}: ${inline(item)}${i < all.length - 1 ? ',' : ''}`);
  const lines: string[] = [];
  let line = '';
  for (const entry of entries) {
    if (line && indent.length + 2 + line.length + 1 + entry.length > width) {
      lines.push(line);
      line = entry;
    } else line = line ? `${line} ${entry}` : entry;
  }
  lines.push(line);
  return `{ ${lines.join(`\n${indent}  `)} }`;
}

/** A feed as JSON text with each account (and KPI) on a few lines, as people write small feeds by hand. */
export function feedText(feed: Readonly<Record<string, unknown>>): string {
  const lines = Object.entries(feed).map(([key, value]) =>
    Array.isArray(value)
      ? `  "${key}": [\n${value.map((item) => `    ${wrapped(item as Record<string, unknown>, '    ')}`).join(',\n')}\n  ]`
      : `  "${key}": ${inline(value)}`,
  );
  return `{\n${lines.join(',\n')}\n}`;
}
