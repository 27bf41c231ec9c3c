export { SALES_ERROR_CODES, SalesError, type SalesErrorCode } from './sales-errors';
export { MAX_MENTIONS, parseMentions, type ParsedMentions } from './mentions';
export {
  decodeFeedCursor,
  decodePipelineCursor,
  encodeFeedCursor,
  encodePipelineCursor,
  PIPELINE_SORTS,
  SORT_ORDERS,
  type FeedCursor,
  type PipelineCursor,
  type PipelineSort,
  type SortOrder,
} from './pipeline-cursor';
export { pipelineConditions, type PipelineFilters } from './pipeline-filters';
export { listPipeline, type Page, type PipelineItem, type PipelineQuery } from './pipeline-queries';
export { pipelineBoard, type Board, type BoardColumn } from './pipeline-board';
export { findStaffOrder, requireOrder, type StaffOrderDetail } from './order-detail';
export { listActivity, type ActivityEntry } from './activity-feed';
export {
  ASSIGNING_EVENTS,
  autoAssignOrder,
  reassignOrder,
  ROUND_ROBIN_ACTOR,
  type AutoAssignOutcome,
  type ReassignCommand,
  type ReassignResult,
} from './assignment';
export {
  addOrderNote,
  listOrderNotes,
  NOTE_MAX_LENGTH,
  type AddNoteResult,
  type OrderNoteView,
} from './order-notes';
export { MENTION_TEMPLATE, mentionDedupeKey, renderMention, type MentionFacts } from './mention-notification';
