/**
 * What the tab's Apex method returns in the bench: eight Account records as Apex returns them (standard
 * fields, and custom fields an org might have; Ids shortened to names), small enough to reason about by
 * hand. Revenue 1,000,000 in all; Atlas, Borealis and Cirrus hold 500,000 + 200,000 + 100,000 = 80% of it.
 */
export const tabAccounts = [
  { Id: 'atlas', Name: 'Atlas', AnnualRevenue: 500_000, Previous_Revenue__c: 400_000, Potential__c: 900_000, Effort_Hours__c: 120, NPS__c: 9, CSAT__c: 5 },
  { Id: 'borealis', Name: 'Borealis', AnnualRevenue: 200_000, Previous_Revenue__c: 220_000, Potential__c: 600_000, Effort_Hours__c: 80, NPS__c: 7, CSAT__c: 4 },
  { Id: 'cirrus', Name: 'Cirrus', AnnualRevenue: 100_000, Previous_Revenue__c: 90_000, Potential__c: 150_000, Effort_Hours__c: 60, NPS__c: 3, CSAT__c: 3 },
  { Id: 'delta', Name: 'Delta', AnnualRevenue: 80_000, Previous_Revenue__c: 80_000, Potential__c: 400_000, Effort_Hours__c: 10, NPS__c: 10, CSAT__c: 5 },
  { Id: 'eddy', Name: 'Eddy', AnnualRevenue: 60_000, Previous_Revenue__c: 50_000, Potential__c: 70_000, Effort_Hours__c: 90, NPS__c: 6, CSAT__c: 2 },
  { Id: 'fjord', Name: 'Fjord', AnnualRevenue: 30_000, Previous_Revenue__c: 35_000, Potential__c: 200_000, Effort_Hours__c: 5, NPS__c: 8, CSAT__c: 4 },
  { Id: 'gale', Name: 'Gale', AnnualRevenue: 20_000, Previous_Revenue__c: 10_000, Potential__c: 25_000, Effort_Hours__c: 40, NPS__c: 2, CSAT__c: 1 },
  { Id: 'haze', Name: 'Haze', AnnualRevenue: 10_000, Previous_Revenue__c: 12_000, Potential__c: 15_000, Effort_Hours__c: 30, NPS__c: 9, CSAT__c: 4 },
];
