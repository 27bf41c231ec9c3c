import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { JobPayloads } from '@haoma/jobs';

/**
 * Part of the order-event fan-out: an order cancelled while at the carrier abandons its open
 * application, so no later approval can activate it (the activation also checks the order
 * itself, under lock: this is the record, that is the guarantee). Idempotent.
 */
@Injectable()
export class CarrierOrderEvents {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async handle(payload: JobPayloads['order-event-recorded']): Promise<{ outcome: string }> {
    if (!/^[0-9]{1,18}$/.test(payload.orderEventId)) return { outcome: 'none' };
    const abandoned: unknown[] = await this.dataSource.query(
      `WITH changed AS (
       UPDATE carrier_applications a
          SET status = 'abandoned', last_error = 'abandoned: the order was cancelled',
              decided_at = e.created_at, updated_at = now()
         FROM order_events e
        WHERE e.id = $2 AND e.order_id = $1 AND e.type = 'transition'
          AND e.from_status = 'provisioning' AND e.to_status = 'cancelled'
          AND a.order_id = e.order_id AND a.status IN ('pending', 'submitted')
        RETURNING a.id)
       SELECT id FROM changed`,
      [payload.orderId, payload.orderEventId],
    );
    return { outcome: abandoned.length > 0 ? 'application_abandoned' : 'none' };
  }
}
