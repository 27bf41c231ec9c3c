export { COMPLIANCE_ERROR_CODES, ComplianceError, type ComplianceErrorCode } from './compliance-errors';
export { COMPLIANCE_SWEEP_ACTOR, serviceActorLabel, type ServiceActor } from './service-actor';
export { recordServiceEvent, type ServiceEventRecord } from './service-events';
export {
  transitionService,
  type ServiceTransitionCommand,
  type ServiceTransitionResult,
} from './service-transitions';
export {
  completeTask,
  reverifyService,
  verifiableVersion,
  type CompleteTaskInput,
  type ReverificationSettings,
} from './reverification';
export { createCampaign, openCampaign, type CreateCampaignInput, type OpenCampaignResult } from './campaigns';
export {
  markTasksOverdue,
  purgeIdentityRecords,
  releaseQuarantined,
  suspendExpired,
  terminateDue,
  type PurgeReport,
  type TimerContext,
  type TimerReport,
} from './compliance-timers';
export { recordDueReminders, type ReminderKind, type ReminderReport } from './compliance-reminders';
export {
  findService,
  listServices,
  listTasks,
  type Page,
  type ServiceDetail,
  type ServiceFilter,
  type ServiceTimelineEntry,
  type ServiceView,
  type TaskView,
} from './service-queries';
export { findCampaign, listCampaigns, type CampaignView } from './campaign-queries';
export { decodePageCursor, encodePageCursor, InvalidPageCursorError, type PageCursor } from './page-cursor';
