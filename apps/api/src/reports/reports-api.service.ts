import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { parseReportPeriod, type ReportPeriod } from '@haoma/domain';
import {
  complianceOutlook,
  DEFAULT_OUTLOOK_LIMIT,
  funnelReport,
  revenueReport,
  reviewerReport,
  type ComplianceOutlook,
  type FunnelReport,
  type RevenueReport,
  type ReviewerReport,
} from '@haoma/reports';
import { ApiError } from '../common/api-error';
import type { ComplianceOutlookQuery, FunnelQuery, ReportPeriodQuery, RevenueQuery } from './reports.request';

/** Default look-ahead of the compliance outlook, in days. */
export const DEFAULT_OUTLOOK_DAYS = 30;

/** The report use cases over libs/reports: the period checked here, the figures read there. */
@Injectable()
export class ReportsApiService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  funnel(query: FunnelQuery): Promise<FunnelReport> {
    return funnelReport(this.dataSource.manager, periodOf(query), query.by ?? 'none');
  }

  revenue(query: RevenueQuery): Promise<RevenueReport> {
    return revenueReport(
      this.dataSource.manager,
      periodOf(query),
      query.interval ?? 'day',
      query.by ?? 'none',
    );
  }

  reviewers(query: ReportPeriodQuery): Promise<ReviewerReport> {
    return reviewerReport(this.dataSource.manager, periodOf(query));
  }

  complianceOutlook(query: ComplianceOutlookQuery, now = new Date()): Promise<ComplianceOutlook> {
    return complianceOutlook(this.dataSource.manager, {
      now,
      days: query.days ?? DEFAULT_OUTLOOK_DAYS,
      limit: query.limit ?? DEFAULT_OUTLOOK_LIMIT,
    });
  }
}

function periodOf(query: ReportPeriodQuery): ReportPeriod {
  const result = parseReportPeriod(query.from, query.to);
  if (!result.ok) throw new ApiError('REPORT_PERIOD_INVALID', result.reason);
  return result.period;
}
