import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  completeTask,
  ComplianceError,
  createCampaign,
  findCampaign,
  findService,
  listCampaigns,
  listServices,
  listTasks,
  reverifyService,
  transitionService,
  type ReverificationSettings,
} from '@haoma/compliance';
import { APP_CONFIG, type AppConfig } from '@haoma/config';
import { complianceWindowsFrom } from '@haoma/domain';
import { DEFAULT_PAGE_SIZE, type PageQuery } from '../common/page.request';
import type {
  CompleteTaskRequest,
  CreateCampaignRequest,
  ReverifyRequest,
  StaffServicesQuery,
} from './services.request';
import type {
  CampaignListResponse,
  CampaignResponse,
  ServiceDetailResponse,
  ServiceListResponse,
  StaffServiceDetailResponse,
  StaffServiceListResponse,
  TaskListResponse,
  TaskResponse,
} from './services.response';
import {
  toCampaignResponse,
  toServiceDetailResponse,
  toServiceResponse,
  toStaffServiceDetailResponse,
  toStaffServiceResponse,
  toTaskResponse,
} from './services-response.mapper';

/**
 * The live-service use cases over libs/compliance: each write is one transaction, then the
 * line is read back as the caller sees it. ComplianceErrors are left to ComplianceErrorInterceptor.
 */
@Injectable()
export class ServicesApiService {
  private readonly settings: ReverificationSettings;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.settings = { windows: complianceWindowsFrom(config), idMinValidityMs: config.ID_MIN_VALIDITY };
  }

  async list(customerId: string, query: PageQuery): Promise<ServiceListResponse> {
    const page = await listServices(this.dataSource.manager, {
      customerId,
      limit: query.limit ?? DEFAULT_PAGE_SIZE,
      ...(query.cursor === undefined ? {} : { cursor: query.cursor }),
    });
    return { items: page.items.map(toServiceResponse), nextCursor: page.nextCursor };
  }

  async get(customerId: string, serviceId: string): Promise<ServiceDetailResponse> {
    const detail = await findService(this.dataSource.manager, serviceId, customerId);
    if (!detail) throw new ComplianceError('SERVICE_NOT_FOUND', 'No such service.');
    return toServiceDetailResponse(detail);
  }

  async reverify(
    customerId: string,
    serviceId: string,
    body: ReverifyRequest,
  ): Promise<ServiceDetailResponse> {
    await this.dataSource.transaction((manager) =>
      reverifyService(manager, {
        customerId,
        serviceId,
        dossierId: body.dossierId,
        version: body.version ?? null,
        settings: this.settings,
      }),
    );
    return this.get(customerId, serviceId);
  }

  async tasks(customerId: string, query: PageQuery): Promise<TaskListResponse> {
    const page = await listTasks(this.dataSource.manager, {
      customerId,
      limit: query.limit ?? DEFAULT_PAGE_SIZE,
      ...(query.cursor === undefined ? {} : { cursor: query.cursor }),
    });
    return { items: page.items.map(toTaskResponse), nextCursor: page.nextCursor };
  }

  async completeTask(customerId: string, taskId: string, body: CompleteTaskRequest): Promise<TaskResponse> {
    const { serviceId } = await this.dataSource.transaction((manager) =>
      completeTask(manager, {
        customerId,
        taskId,
        agreementId: body.agreementId,
        signerName: body.signerName,
        signerTitle: body.signerTitle,
        dossierId: body.dossierId,
        version: body.version ?? null,
        settings: this.settings,
      }),
    );
    const page = await listTasks(this.dataSource.manager, { serviceId, limit: 100 });
    const task = page.items.find((t) => t.id === taskId);
    if (!task) throw new ComplianceError('TASK_NOT_FOUND', 'No such re-verification task.');
    return toTaskResponse(task);
  }

  async staffList(query: StaffServicesQuery): Promise<StaffServiceListResponse> {
    const page = await listServices(this.dataSource.manager, {
      limit: query.limit ?? DEFAULT_PAGE_SIZE,
      ...(query.cursor === undefined ? {} : { cursor: query.cursor }),
      ...(query.status === undefined ? {} : { status: query.status }),
      ...(query.suspensionReason === undefined ? {} : { suspensionReason: query.suspensionReason }),
      ...(query.dueWithinDays === undefined ? {} : { dueWithinDays: query.dueWithinDays }),
    });
    return { items: page.items.map(toStaffServiceResponse), nextCursor: page.nextCursor };
  }

  async staffGet(serviceId: string): Promise<StaffServiceDetailResponse> {
    const detail = await findService(this.dataSource.manager, serviceId, null);
    if (!detail) throw new ComplianceError('SERVICE_NOT_FOUND', 'No such service.');
    return toStaffServiceDetailResponse(detail);
  }

  /** A staff action on a line: a regulator flag (suspend), lifting a suspension, terminating. */
  async staffAct(
    staffId: string,
    serviceId: string,
    action: 'flag' | 'resume' | 'terminate',
    reason: string,
  ): Promise<StaffServiceDetailResponse> {
    await this.dataSource.transaction((manager) =>
      transitionService(manager, {
        serviceId,
        event: action === 'flag' ? 'suspend' : action,
        actor: { kind: 'staff', id: staffId },
        suspensionReason: action === 'flag' ? 'regulator_flag' : null,
        reason,
        windows: this.settings.windows,
      }),
    );
    return this.staffGet(serviceId);
  }

  async createCampaign(staffId: string, body: CreateCampaignRequest): Promise<CampaignResponse> {
    const selection =
      body.selection.kind === 'services'
        ? { kind: 'services' as const, serviceIds: body.selection.serviceIds ?? [] }
        : body.selection.kind === 'verified_before'
          ? { kind: 'verified_before' as const, before: body.selection.before ?? '' }
          : { kind: 'all' as const };
    const id = await this.dataSource.transaction((manager) =>
      createCampaign(manager, {
        name: body.name,
        selection,
        deadline: new Date(body.deadline),
        createdBy: `staff:${staffId}`,
      }),
    );
    return this.campaign(id);
  }

  async campaign(id: string): Promise<CampaignResponse> {
    const campaign = await findCampaign(this.dataSource.manager, id);
    if (!campaign) throw new ComplianceError('CAMPAIGN_NOT_FOUND', 'No such campaign.');
    return toCampaignResponse(campaign);
  }

  async campaigns(query: PageQuery): Promise<CampaignListResponse> {
    const page = await listCampaigns(this.dataSource.manager, {
      limit: query.limit ?? DEFAULT_PAGE_SIZE,
      ...(query.cursor === undefined ? {} : { cursor: query.cursor }),
    });
    return { items: page.items.map(toCampaignResponse), nextCursor: page.nextCursor };
  }
}
