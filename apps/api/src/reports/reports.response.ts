import { ApiProperty } from '@nestjs/swagger';
import { FUNNEL_GROUPINGS, FUNNEL_STEPS, REPORT_INTERVALS } from '@haoma/domain';
import { OUTLOOK_KINDS, REVENUE_GROUPINGS } from '@haoma/reports';

const MONEY = 'yuan, two decimals (also in fen beside it)';

export class FunnelRowResponse {
  @ApiProperty({ type: String, description: '`all`, or the carrier / grade' }) group!: string;
  @ApiProperty({ type: String, enum: FUNNEL_STEPS }) step!: string;
  @ApiProperty({ type: Number }) count!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'count / previous step count (4 decimals)' })
  conversionRate!: number | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Median seconds from the previous step, over orders that reached both',
  })
  medianSecondsFromPrevious!: number | null;
}

export class FunnelReportResponse {
  @ApiProperty({ type: String }) from!: string;
  @ApiProperty({ type: String }) to!: string;
  @ApiProperty({ type: String, enum: FUNNEL_GROUPINGS }) by!: string;
  @ApiProperty({ type: String, description: 'How the cohort is chosen and followed' }) cohortRule!: string;
  @ApiProperty({ type: Number }) searches!: number;
  @ApiProperty({ type: [FunnelRowResponse] }) rows!: FunnelRowResponse[];
}

export class RevenueTotalsResponse {
  @ApiProperty({ type: Number }) payments!: number;
  @ApiProperty({ type: Number }) paidFen!: number;
  @ApiProperty({ type: String, description: MONEY, example: '1200.00' }) paidYuan!: string;
  @ApiProperty({ type: Number }) refunds!: number;
  @ApiProperty({ type: Number }) refundedFen!: number;
  @ApiProperty({ type: String, description: MONEY }) refundedYuan!: string;
  @ApiProperty({ type: Number }) netFen!: number;
  @ApiProperty({ type: String, description: MONEY }) netYuan!: string;
}

export class RevenueRowResponse extends RevenueTotalsResponse {
  @ApiProperty({ type: String, example: '2026-01-31', description: 'YYYY-MM-DD or YYYY-MM (China)' })
  bucket!: string;
  @ApiProperty({ type: String, description: '`all`, or the carrier / grade / plan code (`none`: no plan)' })
  group!: string;
}

export class RevenueReportResponse {
  @ApiProperty({ type: String }) from!: string;
  @ApiProperty({ type: String }) to!: string;
  @ApiProperty({ type: String, enum: REPORT_INTERVALS }) interval!: string;
  @ApiProperty({ type: String, enum: REVENUE_GROUPINGS }) by!: string;
  @ApiProperty({ type: [RevenueRowResponse] }) rows!: RevenueRowResponse[];
  @ApiProperty({ type: RevenueTotalsResponse }) totals!: RevenueTotalsResponse;
}

export class ReviewerTotalsResponse {
  @ApiProperty({ type: Number }) decisions!: number;
  @ApiProperty({ type: Number }) approvals!: number;
  @ApiProperty({ type: Number }) rejections!: number;
  @ApiProperty({ type: Number, description: 'Decisions on an order’s first submission' })
  firstSubmissionDecisions!: number;
  @ApiProperty({ type: Number }) firstPassApprovals!: number;
  @ApiProperty({ type: Number, nullable: true }) firstPassApprovalRate!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Submitted → decided, median seconds' })
  medianDecisionSeconds!: number | null;
}

export class ReviewerRowResponse extends ReviewerTotalsResponse {
  @ApiProperty({ type: String, example: 'staff:…' }) reviewer!: string;
  @ApiProperty({ type: String, nullable: true }) name!: string | null;
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
}

export class ReviewerReportResponse {
  @ApiProperty({ type: String }) from!: string;
  @ApiProperty({ type: String }) to!: string;
  @ApiProperty({ type: [ReviewerRowResponse] }) rows!: ReviewerRowResponse[];
  @ApiProperty({ type: ReviewerTotalsResponse }) total!: ReviewerTotalsResponse;
}

export class OutlookRowResponse {
  @ApiProperty({ type: String, enum: OUTLOOK_KINDS }) kind!: string;
  @ApiProperty({ type: String, format: 'date-time' }) at!: string;
  @ApiProperty({ type: String, description: 'China day; overdue steps count today' }) day!: string;
  @ApiProperty({ type: Boolean }) overdue!: boolean;
  @ApiProperty({ type: String, format: 'uuid' }) serviceId!: string;
  @ApiProperty({ type: String }) number!: string;
  @ApiProperty({ type: String }) carrier!: string;
  @ApiProperty({ type: String, format: 'uuid' }) customerId!: string;
  @ApiProperty({ type: String }) companyName!: string;
  @ApiProperty({ type: String, nullable: true }) reason!: string | null;
}

export class OutlookDayResponse {
  @ApiProperty({ type: String }) day!: string;
  @ApiProperty({ type: Number }) suspensions!: number;
  @ApiProperty({ type: Number }) terminations!: number;
  @ApiProperty({ type: Number }) quarantineReleases!: number;
}

export class OutlookTotalsResponse {
  @ApiProperty({ type: Number }) suspensions!: number;
  @ApiProperty({ type: Number }) terminations!: number;
  @ApiProperty({ type: Number }) quarantineReleases!: number;
}

export class ComplianceOutlookResponse {
  @ApiProperty({ type: String, format: 'date-time' }) asOf!: string;
  @ApiProperty({ type: String, format: 'date-time' }) until!: string;
  @ApiProperty({ type: Number }) days!: number;
  @ApiProperty({ type: [OutlookDayResponse] }) perDay!: OutlookDayResponse[];
  @ApiProperty({ type: OutlookTotalsResponse }) totals!: OutlookTotalsResponse;
  @ApiProperty({ type: Number, description: 'Rows in all; `rows` holds the first `limit`' }) total!: number;
  @ApiProperty({ type: Boolean }) truncated!: boolean;
  @ApiProperty({ type: [OutlookRowResponse] }) rows!: OutlookRowResponse[];
}
