import type {
  CampaignView,
  ServiceDetail,
  ServiceTimelineEntry,
  ServiceView,
  TaskView,
} from '@haoma/compliance';
import { formatNumber } from '@haoma/domain';
import type {
  CampaignResponse,
  ServiceDetailResponse,
  ServiceResponse,
  ServiceTimelineEntryResponse,
  StaffServiceDetailResponse,
  StaffServiceResponse,
  TaskResponse,
} from './services.response';

const iso = (at: Date | null): string | null => (at ? at.toISOString() : null);

export function toServiceResponse(s: ServiceView): ServiceResponse {
  return {
    id: s.id,
    orderId: s.orderId,
    number: s.number,
    numberDisplay: formatNumber(s.number),
    carrier: s.carrier,
    status: s.status,
    activatedAt: s.activatedAt.toISOString(),
    termEndsAt: s.termEndsAt.toISOString(),
    verifiedAt: s.verifiedAt.toISOString(),
    dossierId: s.dossierId,
    dossierVersion: s.dossierVersion,
    credentialsExpireAt: iso(s.credentialsExpireAt),
    suspendedAt: iso(s.suspendedAt),
    suspensionReason: s.suspensionReason,
    terminatesAt: iso(s.terminatesAt),
    terminatedAt: iso(s.terminatedAt),
    quarantineUntil: iso(s.quarantineUntil),
    nextDeadline: s.nextDeadline
      ? { at: s.nextDeadline.at.toISOString(), action: s.nextDeadline.action, reason: s.nextDeadline.reason }
      : null,
  };
}

export function toStaffServiceResponse(s: ServiceView): StaffServiceResponse {
  return {
    ...toServiceResponse(s),
    customerId: s.customerId,
    numberReleasedAt: iso(s.numberReleasedAt),
    recordsPurgeAt: iso(s.recordsPurgeAt),
    recordsPurgedAt: iso(s.recordsPurgedAt),
  };
}

// Customers see who acted by kind only (`staff`), never a staff member's id.
function toTimelineEntry(e: ServiceTimelineEntry, staffView: boolean): ServiceTimelineEntryResponse {
  return {
    id: e.id,
    event: e.event,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    actor: staffView ? e.actor : (e.actor.split(':')[0] ?? e.actor),
    reason: e.reason,
    data: e.data,
    at: e.at.toISOString(),
  };
}

export function toTaskResponse(t: TaskView): TaskResponse {
  return { ...t, dueAt: t.dueAt.toISOString(), completedAt: iso(t.completedAt) };
}

export function toServiceDetailResponse(d: ServiceDetail): ServiceDetailResponse {
  return {
    ...toServiceResponse(d),
    timeline: d.timeline.map((e) => toTimelineEntry(e, false)),
    tasks: d.tasks.map(toTaskResponse),
  };
}

export function toStaffServiceDetailResponse(d: ServiceDetail): StaffServiceDetailResponse {
  return {
    ...toStaffServiceResponse(d),
    timeline: d.timeline.map((e) => toTimelineEntry(e, true)),
    tasks: d.tasks.map(toTaskResponse),
  };
}

export function toCampaignResponse(c: CampaignView): CampaignResponse {
  return {
    ...c,
    selection: c.selection as unknown as Record<string, unknown>,
    deadline: c.deadline.toISOString(),
    createdAt: c.createdAt.toISOString(),
  };
}
