export { addSearchCounts, searchesBetween, searchHourOf } from './search-counts';
export { FUNNEL_COHORT_RULE, funnelReport, type FunnelReport } from './funnel-report';
export {
  NO_PLAN_GROUP,
  REVENUE_COLUMNS,
  REVENUE_GROUPINGS,
  revenueReport,
  type RevenueGrouping,
  type RevenueReport,
  type RevenueRow,
  type RevenueTotals,
} from './revenue-report';
export {
  REVIEWER_COLUMNS,
  reviewerReport,
  type ReviewerReport,
  type ReviewerRow,
  type ReviewerTotals,
} from './reviewer-report';
export {
  complianceOutlook,
  DEFAULT_OUTLOOK_LIMIT,
  MAX_OUTLOOK_DAYS,
  MAX_OUTLOOK_LIMIT,
  OUTLOOK_COLUMNS,
  OUTLOOK_KINDS,
  type ComplianceOutlook,
  type OutlookDay,
  type OutlookKind,
  type OutlookRow,
} from './compliance-outlook';
