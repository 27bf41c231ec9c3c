import type { EntityManager } from 'typeorm';
import { rate, wholeSeconds, type ReportPeriod } from '@haoma/domain';

/** Decisions of one reviewer, or of all. */
export interface ReviewerTotals {
  decisions: number;
  approvals: number;
  rejections: number;
  /** Decisions on an order's first submission (sequence 1). */
  firstSubmissionDecisions: number;
  /** …of which approved. */
  firstPassApprovals: number;
  /** firstPassApprovals / firstSubmissionDecisions, or null with none. */
  firstPassApprovalRate: number | null;
  /** Median seconds from submission to decision. */
  medianDecisionSeconds: number | null;
}

/** One reviewer's decisions in the period. */
export interface ReviewerRow extends ReviewerTotals {
  [column: string]: string | number | null;
  /** `staff:<id>` as recorded on the submission. */
  reviewer: string;
  name: string | null;
  email: string | null;
}

export const REVIEWER_COLUMNS = [
  'reviewer',
  'name',
  'email',
  'decisions',
  'approvals',
  'rejections',
  'firstSubmissionDecisions',
  'firstPassApprovals',
  'firstPassApprovalRate',
  'medianDecisionSeconds',
] as const satisfies readonly (keyof ReviewerRow)[];

export interface ReviewerReport {
  from: string;
  to: string;
  /** Reviewers with decisions in the period, most decisions first. */
  rows: ReviewerRow[];
  /** Every decision of the period (the median over all of them, not a median of medians). */
  total: ReviewerTotals;
}

interface Figures {
  decisions: string;
  approvals: string;
  rejections: string;
  first_decisions: string;
  first_approvals: string;
  median: string | number | null;
}

const FIGURES_SQL = `
  count(*) AS decisions,
  count(*) FILTER (WHERE s.status = 'approved') AS approvals,
  count(*) FILTER (WHERE s.status = 'rejected') AS rejections,
  count(*) FILTER (WHERE s.sequence = 1) AS first_decisions,
  count(*) FILTER (WHERE s.sequence = 1 AND s.status = 'approved') AS first_approvals,
  percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM s.decided_at - s.submitted_at)) AS median`;

const DECIDED_SQL = `verification_submissions s
  WHERE s.status IN ('approved', 'rejected') AND s.decided_at >= $1 AND s.decided_at < $2`;

const figuresOf = (f: Figures): ReviewerTotals => ({
  decisions: Number(f.decisions),
  approvals: Number(f.approvals),
  rejections: Number(f.rejections),
  firstSubmissionDecisions: Number(f.first_decisions),
  firstPassApprovals: Number(f.first_approvals),
  firstPassApprovalRate: rate(Number(f.first_approvals), Number(f.first_decisions)),
  medianDecisionSeconds: wholeSeconds(f.median === null ? null : Number(f.median)),
});

/**
 * Review throughput: decisions made in `period` (by when they were made), per reviewer.
 * First pass: an order's first submission approved — the share of first submissions a
 * reviewer decided that they approved.
 */
export async function reviewerReport(manager: EntityManager, period: ReportPeriod): Promise<ReviewerReport> {
  const rows: (Figures & { reviewer: string; name: string | null; email: string | null })[] =
    await manager.query(
      `SELECT d.*, sm.name, sm.email
       FROM (SELECT s.decided_by AS reviewer, ${FIGURES_SQL} FROM ${DECIDED_SQL} GROUP BY s.decided_by) d
       LEFT JOIN staff_members sm ON 'staff:' || sm.id::text = d.reviewer
      ORDER BY d.decisions DESC, d.reviewer`,
      [period.start, period.end],
    );
  const [total]: Figures[] = await manager.query(`SELECT ${FIGURES_SQL} FROM ${DECIDED_SQL}`, [
    period.start,
    period.end,
  ]);
  return {
    from: period.from,
    to: period.to,
    rows: rows.map((r) => ({ reviewer: r.reviewer, name: r.name, email: r.email, ...figuresOf(r) })),
    total: figuresOf(total as Figures),
  };
}
