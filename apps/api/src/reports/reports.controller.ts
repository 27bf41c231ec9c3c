import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { FUNNEL_COLUMNS } from '@haoma/domain';
import { FUNNEL_COHORT_RULE, OUTLOOK_COLUMNS, REVENUE_COLUMNS, REVIEWER_COLUMNS } from '@haoma/reports';
import { StaffOnly } from '../auth/access.decorator';
import { sendCsv, wantsCsv } from './report-format';
import { ReportsApiService } from './reports-api.service';
import { ComplianceOutlookQuery, FunnelQuery, ReportPeriodQuery, RevenueQuery } from './reports.request';
import {
  ComplianceOutlookResponse,
  FunnelReportResponse,
  RevenueReportResponse,
  ReviewerReportResponse,
} from './reports.response';

const FORMATS =
  'JSON by default; CSV with `format=csv` or `Accept: text/csv`: UTF-8 with a BOM (Excel), a header ' +
  'row of the JSON row keys, the same `rows` as the JSON, sent as an attachment.';
const PERIOD = '`from`/`to` are whole days in China (Asia/Shanghai), `to` included.';
const PERIOD_ERROR =
  'REPORT_PERIOD_INVALID (not a date, to before from, more than 366 days), VALIDATION_FAILED';

type Report<Row> = { rows: Row[] };

/**
 * Back-office reports. Roles: funnel and revenue are sales figures — sales and admins;
 * the reviewer report and the compliance outlook — every staff role (reviewers plan their
 * work with them).
 */
@ApiTags('staff: reports')
@ApiBearerAuth()
@ApiProduces('application/json', 'text/csv')
@ApiUnauthorizedResponse({ description: 'UNAUTHENTICATED' })
@Controller('api/v1/staff/reports')
export class ReportsController {
  constructor(private readonly reports: ReportsApiService) {}

  @Get('funnel')
  @StaffOnly('sales', 'admin')
  @ApiOperation({
    summary:
      'Funnel: searches → holds → signed → paid → documents submitted → approved → active (sales, admin)',
    description: `${FUNNEL_COHORT_RULE} Per step: the count, the conversion from the step before, the median time from it. ${PERIOD} ${FORMATS}`,
  })
  @ApiOkResponse({ type: FunnelReportResponse })
  @ApiBadRequestResponse({ description: PERIOD_ERROR })
  @ApiForbiddenResponse({ description: 'FORBIDDEN: not sales or admin' })
  async funnel(
    @Query() query: FunnelQuery,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<FunnelReportResponse | string> {
    const report = await this.reports.funnel(query);
    return this.answer(report, query, accept, reply, `funnel-${report.from}-${report.to}`, FUNNEL_COLUMNS);
  }

  @Get('revenue')
  @StaffOnly('sales', 'admin')
  @ApiOperation({
    summary: 'Revenue by day or month, per carrier, grade or plan; refunds netted (sales, admin)',
    description:
      'Paid payments by when they were paid, minus succeeded refunds by when they succeeded; every bucket ' +
      `of the period listed (zeros included). Money in fen and in yuan (2 decimals). ${PERIOD} ${FORMATS}`,
  })
  @ApiOkResponse({ type: RevenueReportResponse })
  @ApiBadRequestResponse({ description: PERIOD_ERROR })
  @ApiForbiddenResponse({ description: 'FORBIDDEN: not sales or admin' })
  async revenue(
    @Query() query: RevenueQuery,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RevenueReportResponse | string> {
    const report = await this.reports.revenue(query);
    return this.answer(report, query, accept, reply, `revenue-${report.from}-${report.to}`, REVENUE_COLUMNS);
  }

  @Get('reviewers')
  @StaffOnly()
  @ApiOperation({
    summary: 'Reviewer throughput and first-pass approval rate (all staff roles)',
    description:
      'Decisions made in the period, per reviewer: approvals, rejections, the share of first submissions ' +
      `approved, the median time from submission to decision. ${PERIOD} ${FORMATS}`,
  })
  @ApiOkResponse({ type: ReviewerReportResponse })
  @ApiBadRequestResponse({ description: PERIOD_ERROR })
  async reviewers(
    @Query() query: ReportPeriodQuery,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ReviewerReportResponse | string> {
    const report = await this.reports.reviewers(query);
    return this.answer(
      report,
      query,
      accept,
      reply,
      `reviewers-${report.from}-${report.to}`,
      REVIEWER_COLUMNS,
    );
  }

  @Get('compliance-outlook')
  @StaffOnly()
  @ApiOperation({
    summary:
      'Lines to be suspended, terminated or released from quarantine in the next N days (all staff roles)',
    description:
      'Suspensions: active lines whose credentials lapse or whose re-verification task falls due; ' +
      'terminations: suspended lines reaching terminates_at; quarantine releases. Steps already due but ' +
      'not yet acted on are listed as overdue and counted today. Counts per China day, and the list ' +
      `(earliest first, capped at \`limit\`, with the total). ${FORMATS}`,
  })
  @ApiOkResponse({ type: ComplianceOutlookResponse })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED (days 1–366, limit 1–1000)' })
  async complianceOutlook(
    @Query() query: ComplianceOutlookQuery,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ComplianceOutlookResponse | string> {
    const report = await this.reports.complianceOutlook(query);
    const name = `compliance-outlook-${report.asOf.slice(0, 10)}-${report.days}d`;
    return this.answer(report, query, accept, reply, name, OUTLOOK_COLUMNS);
  }

  private answer<Row extends Record<string, string | number | boolean | null>, R extends Report<Row>>(
    report: R,
    query: { format?: 'json' | 'csv' },
    accept: string | undefined,
    reply: FastifyReply,
    fileName: string,
    columns: readonly (keyof Row & string)[],
  ): R | string {
    return wantsCsv(query.format, accept) ? sendCsv(reply, fileName, columns, report.rows) : report;
  }
}
