import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { NumberStatus } from '@haoma/db';
import { formatNumber } from '@haoma/domain';
import { ApiError } from '../common/api-error';
import { toMoney } from '../catalog/money.response';
import type { Availability, NumberResponse, PlanSummaryResponse } from './number.response';
import { toNumberSummary } from './number-summary.mapper';

interface NumberRow {
  number: string;
  block: string;
  carrier: string;
  grade: string;
  tags: string[];
  explanation: string;
  selection_fee_fen: number;
  status: NumberStatus;
  held_until: Date | null;
  grade_name: string | null;
  grade_name_zh: string | null;
  plan_id: string | null;
  plan_code: string | null;
  plan_version: number | null;
  plan_name: string | null;
  plan_name_zh: string | null;
  plan_annual_fee_fen: number | null;
}

// One round trip by primary key. Grade names come from the rule set that graded the number
// (admins rename grades in new versions); the plan is the cheapest current one whose allowed
// grades include the number's, ties broken by code as in GET /plans.
const LOOKUP_SQL = `
  SELECT n.number, n.block, n.carrier, n.grade, n.tags, n.explanation, n.selection_fee_fen,
         n.status, n.held_until,
         g.name AS grade_name, g.name_zh AS grade_name_zh,
         p.id AS plan_id, p.code AS plan_code, p.version AS plan_version, p.name AS plan_name,
         p.name_zh AS plan_name_zh, p.annual_fee_fen AS plan_annual_fee_fen
    FROM numbers n
    LEFT JOIN LATERAL (
      SELECT def ->> 'name' AS name, def ->> 'nameZh' AS name_zh
        FROM grading_rule_sets rs, jsonb_array_elements(rs.rules -> 'grades') AS defs (def)
       WHERE rs.version = n.grading_version AND def ->> 'code' = n.grade
       LIMIT 1) g ON true
    LEFT JOIN LATERAL (
      SELECT id, code, version, name, name_zh, annual_fee_fen
        FROM plans
       WHERE retired_at IS NULL AND n.grade = ANY (allowed_grades)
       ORDER BY annual_fee_fen, code
       LIMIT 1) p ON true
   WHERE n.number = $1`;

// Exhaustive over the statuses, so a new status cannot be shown without a decision.
const AVAILABILITY_OF = {
  available: 'available',
  held: 'held',
  locked: 'taken',
  assigned: 'taken',
  suspended: 'taken',
  quarantine: 'taken',
  retired: 'taken',
} as const satisfies Record<NumberStatus, Availability>;

/** Looks one number up in the inventory and describes it for the storefront. */
@Injectable()
export class NumberLookupService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** `digits` must be canonical (see ParseNumberPipe). */
  async lookup(digits: string): Promise<NumberResponse> {
    const rows: NumberRow[] = await this.dataSource.query(LOOKUP_SQL, [digits]);
    const row = rows[0];
    if (!row) {
      throw new ApiError('NUMBER_NOT_FOUND', `${formatNumber(digits)} is not in our inventory.`);
    }
    return toNumberResponse(row);
  }
}

function toNumberResponse(row: NumberRow): NumberResponse {
  // A hold that ran out is over even before the sweeper has released it.
  const expired = row.status === 'held' && row.held_until !== null && row.held_until.getTime() <= Date.now();
  const availability: Availability = expired ? 'available' : AVAILABILITY_OF[row.status];
  return {
    ...toNumberSummary({
      number: row.number,
      carrier: row.carrier,
      grade: row.grade,
      gradeName:
        row.grade_name !== null && row.grade_name_zh !== null
          ? { name: row.grade_name, nameZh: row.grade_name_zh }
          : undefined,
      tags: row.tags,
      explanation: row.explanation,
      selectionFeeFen: row.selection_fee_fen,
      cheapestPlan: planOf(row),
    }),
    availability,
    heldUntil: availability === 'held' && row.held_until ? row.held_until.toISOString() : null,
  };
}

function planOf(row: NumberRow): PlanSummaryResponse | null {
  if (
    row.plan_id === null ||
    row.plan_code === null ||
    row.plan_version === null ||
    row.plan_name === null ||
    row.plan_name_zh === null ||
    row.plan_annual_fee_fen === null
  ) {
    return null;
  }
  return {
    id: row.plan_id,
    code: row.plan_code,
    version: row.plan_version,
    name: row.plan_name,
    nameZh: row.plan_name_zh,
    annualFee: toMoney(row.plan_annual_fee_fen),
  };
}
