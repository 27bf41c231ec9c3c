import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@haoma/config';
import { parseNumber } from '@haoma/domain';
import {
  chooseSelection,
  currentAgreements,
  extendHold,
  findOrder,
  holdNumber,
  holdSettingsFrom,
  InvalidOrderCursorError,
  listOrders,
  OrderError,
  signOrder,
  transitionOrder,
  type HoldSettings,
} from '@haoma/orders';
import { ApiError } from '../common/api-error';
import { InvalidNumberError } from '../numbers/number-lookup.errors';
import type { AgreementListResponse } from './agreement.response';
import { apiError } from './order-error.interceptor';
import { type ListOrdersQuery, type SelectionRequest, type SignatureRequest } from './order.request';
import type { OrderListResponse, OrderResponse } from './order.response';
import { toOrderResponse, toOrderSummary } from './order-response.mapper';
import { UnavailableNumberSuggestions } from './unavailable-suggestions';
import { DEFAULT_PAGE_SIZE } from '../common/page.request';

/** Where a signature came from. */
export interface SigningClient {
  ip?: string | null | undefined;
  userAgent?: string | null | undefined;
}

const USER_AGENT_MAX = 500;

/**
 * The storefront's order use cases over libs/orders: each write runs in one transaction,
 * then the order is read back as the customer sees it. OrderErrors are left to
 * OrderErrorInterceptor, except a lost number, which gains suggestions here.
 */
@Injectable()
export class OrdersService {
  private readonly settings: HoldSettings;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly suggestions: UnavailableNumberSuggestions,
  ) {
    this.settings = holdSettingsFrom(config);
  }

  async create(customerId: string, written: string): Promise<OrderResponse> {
    const parsed = parseNumber(written);
    if (!parsed.ok) throw new InvalidNumberError(parsed.reason, parsed.message);
    try {
      const { order } = await holdNumber(this.dataSource, {
        customerId,
        number: parsed.digits,
        settings: this.settings,
      });
      return toOrderResponse(order, this.settings.maxExtensions);
    } catch (error) {
      if (error instanceof OrderError && error.code === 'NUMBER_UNAVAILABLE')
        throw apiError('NUMBER_UNAVAILABLE', error.message, {
          heldUntil: error.details['heldUntil'] ?? null,
          suggestions: this.suggestions.for(parsed.digits),
        });
      throw error;
    }
  }

  async get(customerId: string, orderId: string): Promise<OrderResponse> {
    const order = await findOrder(this.dataSource.manager, { orderId, customerId });
    if (!order) throw new ApiError('ORDER_NOT_FOUND', 'No such order.');
    return toOrderResponse(order, this.settings.maxExtensions);
  }

  async list(customerId: string, query: ListOrdersQuery): Promise<OrderListResponse> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    try {
      const page = await listOrders(this.dataSource.manager, {
        customerId,
        limit,
        cursor: query.cursor,
        status: query.status,
      });
      return { items: page.items.map(toOrderSummary), limit, nextCursor: page.nextCursor };
    } catch (error) {
      if (!(error instanceof InvalidOrderCursorError)) throw error;
      throw new ApiError('INVALID_QUERY', error.message, [
        { field: 'cursor', errors: [error.message], codes: ['INVALID_CURSOR'] },
      ]);
    }
  }

  async choose(customerId: string, orderId: string, body: SelectionRequest): Promise<OrderResponse> {
    await this.dataSource.transaction((m) =>
      chooseSelection(m, { orderId, customerId, planCode: body.planCode, featureCodes: body.featureCodes }),
    );
    return this.get(customerId, orderId);
  }

  async extend(customerId: string, orderId: string): Promise<OrderResponse> {
    await this.dataSource.transaction((m) => extendHold(m, { orderId, customerId, settings: this.settings }));
    return this.get(customerId, orderId);
  }

  async cancel(customerId: string, orderId: string, reason: string | undefined): Promise<OrderResponse> {
    await this.dataSource.transaction((m) =>
      transitionOrder(m, {
        orderId,
        event: 'cancel',
        actor: { kind: 'customer', id: customerId },
        reason: reason?.trim() ? `cancelled by the customer: ${reason.trim()}` : 'cancelled by the customer',
      }),
    );
    return this.get(customerId, orderId);
  }

  async sign(
    customerId: string,
    orderId: string,
    body: SignatureRequest,
    client: SigningClient,
  ): Promise<OrderResponse> {
    await this.dataSource.transaction((m) =>
      signOrder(m, {
        orderId,
        customerId,
        signerName: body.signerName.trim(),
        signerTitle: body.signerTitle.trim(),
        agreements: body.agreements.map((a) => ({ kind: a.kind, version: a.version })),
        ip: client.ip?.slice(0, 64) ?? null,
        userAgent: client.userAgent?.slice(0, USER_AGENT_MAX) ?? null,
      }),
    );
    return this.get(customerId, orderId);
  }

  async agreements(): Promise<AgreementListResponse> {
    const current = await currentAgreements(this.dataSource.manager);
    return {
      items: current.map((a) => ({
        kind: a.kind,
        version: a.version,
        title: a.title,
        body: a.body,
        sha256: a.sha256,
        publishedAt: a.publishedAt.toISOString(),
      })),
    };
  }
}
