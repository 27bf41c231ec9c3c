import { Controller, Get, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { InvalidAuditCursorError, listAuditEntries } from '@haoma/audit';
import { StaffOnly } from '../auth/access.decorator';
import { ApiError } from '../common/api-error';
import { DEFAULT_PAGE_SIZE } from '../common/page.request';
import { AuditLogQuery } from './audit.request';
import { AuditEntryListResponse } from './audit.response';

/** The audit log of staff actions (append-only in the database), for admins. */
@ApiTags('admin: audit')
@ApiBearerAuth()
@Controller('api/v1/admin/audit')
export class AuditController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @StaffOnly('admin')
  @ApiOperation({
    summary: 'Who did what, before/after, when and from where — newest first (admin)',
    description: 'Filters: actor (id), action, targetType, targetId, from (inclusive), to (exclusive).',
  })
  @ApiOkResponse({ type: AuditEntryListResponse })
  @ApiBadRequestResponse({
    description: 'VALIDATION_FAILED; INVALID_QUERY (a cursor not handed out, from ≥ to)',
  })
  @ApiForbiddenResponse({ description: 'FORBIDDEN: not an admin' })
  async list(@Query() query: AuditLogQuery): Promise<AuditEntryListResponse> {
    const from = query.from === undefined ? undefined : new Date(query.from);
    const to = query.to === undefined ? undefined : new Date(query.to);
    if (from && to && from >= to)
      throw new ApiError('INVALID_QUERY', '`from` must be before `to`.', [
        { field: 'to', errors: ['must be after from'] },
      ]);
    try {
      const page = await listAuditEntries(this.dataSource.manager, {
        limit: query.limit ?? DEFAULT_PAGE_SIZE,
        ...(query.cursor === undefined ? {} : { cursor: query.cursor }),
        ...(query.actor === undefined ? {} : { actorId: query.actor }),
        ...(query.action === undefined ? {} : { action: query.action }),
        ...(query.targetType === undefined ? {} : { targetType: query.targetType }),
        ...(query.targetId === undefined ? {} : { targetId: query.targetId }),
        ...(from ? { from } : {}),
        ...(to ? { to } : {}),
      });
      return {
        items: page.items.map((e) => ({ ...e, createdAt: e.createdAt.toISOString() })),
        nextCursor: page.nextCursor,
      };
    } catch (error) {
      if (error instanceof InvalidAuditCursorError)
        throw new ApiError('INVALID_QUERY', error.message, [
          { field: 'cursor', errors: [error.message], codes: ['INVALID_CURSOR'] },
        ]);
      throw error;
    }
  }
}
