import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { AdminNumberView, ImportView, RegradeRunView } from '@haoma/inventory';
import { runProgress } from './run-progress';

export class ImportQueuedResponse {
  @ApiProperty({ type: String, format: 'uuid' })
  id!: string;

  @ApiProperty({ type: String, enum: ['queued'] })
  status!: 'queued';
}

export class ImportRejectionResponse {
  @ApiProperty({ type: Number, description: '1-based line of the file' })
  line!: number;

  @ApiProperty({ type: String, description: 'The cell as written' })
  input!: string;

  @ApiProperty({ type: String, example: 'TOO_SHORT', description: 'A parse error code' })
  reason!: string;

  @ApiProperty({ type: String })
  message!: string;
}

export class ImportResponse {
  @ApiProperty({ type: String, format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, description: 'The uploaded file name, or the CLI source' }) source!: string;
  @ApiProperty({ type: String }) startedBy!: string;
  @ApiProperty({ type: String, enum: ['queued', 'running', 'succeeded', 'failed'] }) status!: string;
  @ApiProperty({ type: Number, nullable: true, description: 'Of the file read (bytes), 0–100' })
  percent!: number | null;
  @ApiProperty({ type: Number, description: 'Lines per second' }) rate!: number;
  @ApiProperty({ type: Number, nullable: true }) etaSeconds!: number | null;
  @ApiProperty({ type: Number, nullable: true }) bytesTotal!: number | null;
  @ApiProperty({ type: Number }) bytesRead!: number;
  @ApiProperty({ type: Number }) linesRead!: number;
  @ApiProperty({ type: Number }) added!: number;
  @ApiProperty({ type: Number }) skipped!: number;
  @ApiProperty({ type: Number }) rejected!: number;
  @ApiProperty({ type: Number, description: 'Rejected lines so far (= rejected)' }) errorsSoFar!: number;
  @ApiPropertyOptional({
    type: () => ImportRejectionResponse,
    isArray: true,
    description: 'The rejected lines (the first 1000); only on GET …/imports/:id',
  })
  rejections?: ImportRejectionResponse[];
  @ApiProperty({ type: String, nullable: true }) error!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) startedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt!: string | null;
}

export class ImportListResponse {
  @ApiProperty({ type: () => ImportResponse, isArray: true }) items!: ImportResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export function toImportResponse(view: ImportView, withRejections: boolean): ImportResponse {
  const progress = runProgress({
    done: view.bytesRead,
    total: view.bytesTotal,
    units: view.linesRead,
    startedAt: view.startedAt,
    finishedAt: view.finishedAt,
    now: view.now,
    finished: view.status === 'succeeded',
    stopped: view.status === 'failed',
  });
  return {
    id: view.id,
    source: view.source,
    startedBy: view.startedBy,
    status: view.status,
    ...progress,
    percent: view.status === 'queued' ? 0 : progress.percent,
    bytesTotal: view.bytesTotal,
    bytesRead: view.bytesRead,
    linesRead: view.linesRead,
    added: view.added,
    skipped: view.skipped,
    rejected: view.rejected,
    errorsSoFar: view.rejected,
    ...(withRejections ? { rejections: view.rejections } : {}),
    error: view.error,
    startedAt: view.startedAt.toISOString(),
    finishedAt: view.finishedAt?.toISOString() ?? null,
  };
}

export class AdminNumberResponse {
  @ApiProperty({ type: String, example: '4008123456' }) number!: string;
  @ApiProperty({ type: String }) status!: string;
  @ApiProperty({ type: String }) grade!: string;
  @ApiProperty({ type: Number }) selectionFeeFen!: number;
  @ApiProperty({ type: Boolean }) feeOverridden!: boolean;
  @ApiProperty({ type: String, nullable: true }) feeOverrideReason!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) feeOverriddenAt!: string | null;
  @ApiProperty({ type: Number }) gradingVersion!: number;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) holderOrderId!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) heldUntil!: string | null;
  @ApiPropertyOptional({ type: Boolean, description: 'release-hold: the holding order was expired' })
  orderExpired?: boolean;
}

export const toAdminNumberResponse = (
  view: AdminNumberView & { orderExpired?: boolean },
): AdminNumberResponse => ({
  number: view.number,
  status: view.status,
  grade: view.grade,
  selectionFeeFen: view.selectionFeeFen,
  feeOverridden: view.feeOverriddenAt !== null,
  feeOverrideReason: view.feeOverrideReason,
  feeOverriddenAt: view.feeOverriddenAt?.toISOString() ?? null,
  gradingVersion: view.gradingVersion,
  holderOrderId: view.holderOrderId,
  heldUntil: view.heldUntil?.toISOString() ?? null,
  ...(view.orderExpired === undefined ? {} : { orderExpired: view.orderExpired }),
});

export class RegradeRunResponse {
  @ApiProperty({ type: String, format: 'uuid' }) id!: string;
  @ApiProperty({ type: Number }) gradingVersion!: number;
  @ApiProperty({ type: String, enum: ['running', 'succeeded', 'failed'] }) status!: string;
  @ApiProperty({ type: Number, nullable: true }) total!: number | null;
  @ApiProperty({ type: Number }) graded!: number;
  @ApiProperty({ type: Number, description: 'Numbers whose grade or fee changed' }) changed!: number;
  @ApiProperty({ type: Number, nullable: true }) percent!: number | null;
  @ApiProperty({ type: Number, description: 'Numbers per second' }) rate!: number;
  @ApiProperty({ type: Number, nullable: true }) etaSeconds!: number | null;
  @ApiProperty({ type: String, nullable: true }) error!: string | null;
  @ApiProperty({ type: String }) startedBy!: string;
  @ApiProperty({ type: String, format: 'date-time' }) startedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt!: string | null;
}

export class RegradeRunListResponse {
  @ApiProperty({ type: () => RegradeRunResponse, isArray: true }) items!: RegradeRunResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export function toRegradeRunResponse(run: RegradeRunView, now = new Date()): RegradeRunResponse {
  return {
    id: run.id,
    gradingVersion: run.gradingVersion,
    status: run.status,
    total: run.total,
    graded: run.graded,
    changed: run.changed,
    ...runProgress({
      done: run.graded,
      total: run.total,
      units: run.graded,
      startedAt: run.startedAt,
      finishedAt: run.finishedAt,
      now,
      finished: run.status === 'succeeded',
      stopped: run.status === 'failed',
    }),
    error: run.error,
    startedBy: run.startedBy,
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
  };
}

export class GradingRuleSetResponse {
  @ApiProperty({ type: Number }) version!: number;
  @ApiProperty({ type: Boolean }) active!: boolean;
  @ApiProperty({ type: Object, description: 'The rules (data, see libs/domain grading)' }) rules!: unknown;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
}

export class GradingRulesResponse {
  @ApiProperty({ type: Number, nullable: true }) activeVersion!: number | null;
  @ApiProperty({ type: () => GradingRuleSetResponse, isArray: true }) versions!: GradingRuleSetResponse[];
}

export class CatalogVersionsResponse {
  @ApiProperty({
    type: Object,
    isArray: true,
    description: 'Every version, by code then newest first; `retiredAt` null on the current one',
  })
  items!: Record<string, unknown>[];
}
