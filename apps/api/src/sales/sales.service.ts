import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { parseDuration } from '@haoma/config';
import type { OrderStatus } from '@haoma/domain';
import {
  addOrderNote,
  findStaffOrder,
  listActivity,
  listOrderNotes,
  listPipeline,
  pipelineBoard,
  reassignOrder,
  type ActivityEntry,
  type AddNoteResult,
  type Board,
  type OrderNoteView,
  type Page,
  type PipelineFilters,
  type PipelineItem,
  type ReassignResult,
  type StaffOrderDetail,
} from '@haoma/sales';
import { ApiError } from '../common/api-error';
import { DEFAULT_PAGE_SIZE } from '../common/page.request';
import type { ActivityQuery, NotesQuery, PipelineFilterQuery, PipelineListQuery } from './sales.request';

const invalid = (message: string) => new ApiError('INVALID_QUERY', message);

/** A half-open range's ends, refused when the end is not after the start. */
function range(name: string, from?: string, to?: string): { from?: Date; to?: Date } {
  const start = from === undefined ? undefined : new Date(from);
  const end = to === undefined ? undefined : new Date(to);
  if (start && Number.isNaN(start.getTime())) throw invalid(`${name}From is not a date`);
  if (end && Number.isNaN(end.getTime())) throw invalid(`${name}To is not a date`);
  if (start && end && end <= start) throw invalid(`${name}To must be after ${name}From`);
  return { ...(start ? { from: start } : {}), ...(end ? { to: end } : {}) };
}

/**
 * The pipeline, board, order detail, activity feed, assignment and notes over libs/sales:
 * each write in one transaction (with its audit row), reads on the pool. Refusals from the
 * library are mapped by SalesErrorInterceptor.
 */
@Injectable()
export class SalesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The query's filters as libs/sales takes them; `me` is the caller. */
  filters(query: PipelineFilterQuery, staffId: string): PipelineFilters {
    const created = range('created', query.createdFrom, query.createdTo);
    const paid = range('paid', query.paidFrom, query.paidTo);
    const filters: PipelineFilters = {};
    if (query.status?.length) filters.statuses = query.status as OrderStatus[];
    if (query.assignee !== undefined)
      filters.assignee = query.assignee === 'me' ? staffId : query.assignee.toLowerCase();
    if (query.carrier?.length) filters.carriers = query.carrier;
    if (query.grade?.length) filters.grades = query.grade;
    if (created.from) filters.createdFrom = created.from;
    if (created.to) filters.createdTo = created.to;
    if (paid.from) filters.paidFrom = paid.from;
    if (paid.to) filters.paidTo = paid.to;
    if (query.inStatusLongerThan !== undefined) {
      const ms = parseDuration(query.inStatusLongerThan);
      if (ms === undefined) throw invalid('inStatusLongerThan must be a duration such as 90m, 12h or 3d');
      filters.inStatusLongerThanMs = ms;
    }
    if (query.overdue !== undefined) filters.overdue = query.overdue === 'true';
    if (query.q !== undefined && query.q.trim()) filters.q = query.q.trim();
    return filters;
  }

  list(query: PipelineListQuery, staffId: string): Promise<Page<PipelineItem>> {
    const sort = query.sort ?? 'age';
    return listPipeline(this.dataSource.manager, {
      ...this.filters(query, staffId),
      sort,
      order: query.order ?? (sort === 'age' ? 'desc' : 'asc'),
      limit: query.limit ?? DEFAULT_PAGE_SIZE,
      ...(query.cursor === undefined ? {} : { cursor: query.cursor }),
    });
  }

  board(query: PipelineFilterQuery, staffId: string): Promise<Board> {
    return pipelineBoard(this.dataSource.manager, this.filters(query, staffId));
  }

  order(orderId: string): Promise<StaffOrderDetail> {
    return findStaffOrder(this.dataSource.manager, orderId);
  }

  activity(orderId: string, query: ActivityQuery): Promise<Page<ActivityEntry>> {
    return listActivity(this.dataSource.manager, {
      orderId,
      order: query.order ?? 'asc',
      limit: query.limit ?? DEFAULT_PAGE_SIZE,
      ...(query.cursor === undefined ? {} : { cursor: query.cursor }),
    });
  }

  reassign(
    staffId: string,
    orderId: string,
    assigneeId: string | null,
    reason: string,
  ): Promise<ReassignResult> {
    return this.dataSource.transaction((m) =>
      reassignOrder(m, {
        orderId,
        assigneeId: assigneeId?.toLowerCase() ?? null,
        reason: reason.trim(),
        staffId,
      }),
    );
  }

  addNote(staffId: string, orderId: string, body: string): Promise<AddNoteResult> {
    return this.dataSource.transaction((m) => addOrderNote(m, { orderId, authorId: staffId, body }));
  }

  notes(orderId: string, query: NotesQuery): Promise<Page<OrderNoteView>> {
    return listOrderNotes(this.dataSource.manager, {
      orderId,
      limit: query.limit ?? DEFAULT_PAGE_SIZE,
      ...(query.cursor === undefined ? {} : { cursor: query.cursor }),
    });
  }
}
