/** What each KPI means, in words: label, unit, direction, definition and formula. */
import type { KpiId, KpiUnit } from './kpis.js';

export interface KpiText {
  label: string;
  unit: KpiUnit;
  better: 'higher' | 'lower';
  definition: string;
  formula: string;
}

export const KPI_TEXT: Readonly<Record<KpiId, KpiText>> = {
  'revenue-growth': {
    label: 'Revenue growth',
    unit: 'percent',
    better: 'higher',
    definition:
      'Change in revenue over the previous period, over the accounts that have a previous revenue (previousRevenue, or a history point for the previous period; new accounts without one are left out).',
    formula: 'revenue ÷ previous revenue − 1',
  },
  retention: {
    label: 'Logo retention',
    unit: 'percent',
    better: 'higher',
    definition:
      'Accounts active last period (previous revenue > 0) that still have revenue this period, as a share of those accounts.',
    formula: 'retained ÷ active last period',
  },
  churn: {
    label: 'Churn',
    unit: 'percent',
    better: 'lower',
    definition:
      'Accounts active last period (previous revenue > 0) that have no revenue this period, as a share of those accounts (1 − retention).',
    formula: 'churned ÷ active last period',
  },
  nrr: {
    label: 'Net revenue retention',
    unit: 'percent',
    better: 'higher',
    definition:
      'Revenue this period from the accounts active last period (previous revenue > 0), as a share of their revenue last period. New accounts are left out.',
    formula: 'revenue of last period’s accounts ÷ their previous revenue',
  },
  nps: {
    label: 'Net Promoter Score',
    unit: 'score',
    better: 'higher',
    definition:
      'Percentage of promoters (9–10) minus percentage of detractors (0–6), over the accounts with an NPS answer; from −100 to 100.',
    formula: '% promoters − % detractors',
  },
  csat: {
    label: 'Customer satisfaction',
    unit: 'percent',
    better: 'higher',
    definition: 'Accounts rating satisfaction 4 or 5 (of 5), as a share of the accounts with a rating.',
    formula: 'satisfied (4–5) ÷ rated',
  },
  clv: {
    label: 'Customer lifetime value',
    unit: 'currency',
    better: 'higher',
    definition: 'Average customer lifetime value over the accounts that have one.',
    formula: 'total CLV ÷ accounts with CLV',
  },
  upsell: {
    label: 'Up-sell / cross-sell rate',
    unit: 'percent',
    better: 'higher',
    definition:
      'Accounts with revenue above 0 that expanded (expanded = true: bought more or another product this period), as a share of the accounts with revenue above 0 that have an expanded value (true or false). Accounts with revenue but no expanded value are left out: unknown is not "did not expand".',
    formula: 'expanded ÷ accounts with revenue > 0 and an expanded value',
  },
  referenceable: {
    label: 'Referenceable accounts',
    unit: 'percent',
    better: 'higher',
    definition: 'Accounts that agreed to act as a reference, as a share of the accounts where this is recorded.',
    formula: 'referenceable ÷ recorded',
  },
  'top20-share': {
    label: 'Top 20% revenue share',
    unit: 'percent',
    better: 'higher',
    definition:
      'Share of revenue held by the top 20% of accounts by revenue (the first ceil(n ÷ 5) accounts); shows how concentrated revenue is.',
    formula: 'revenue of top 20% ÷ total revenue',
  },
  roi: {
    label: 'Key-account ROI',
    unit: 'percent',
    better: 'higher',
    definition:
      'What the accounts return for what serving them costs: their profit as a share of their cost to serve (costToServe, or effort × the cost per effort), over the accounts with both figures. 50% means every 1 spent on serving them brought back 0.5 in profit.',
    formula: 'profit ÷ cost to serve',
  },
};
