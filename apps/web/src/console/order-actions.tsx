import { Collapse } from 'antd';
import type { OrderStatus } from '@haoma/domain';
import type { Schemas } from '../api/client';
import { formatFen, parseYuan } from '../format/money';
import { formatShopDate, formatShopTime } from '../format/time';
import { ActionForm } from './action-form';
import { STATUS_MESSAGES } from './console-messages';
import { consoleApi, unwrap, useConsoleText, useStaff } from './use-console';

type Order = Schemas['StaffOrderResponse'];

const CLOSED: readonly string[] = ['active', 'ended', 'expired', 'cancelled'];

/** The back-office actions on one order, each a form of its own (sales and admins). */
export function OrderActions({ order, onDone }: { order: Order; onDone: () => void }) {
  const { t, locale } = useConsoleText();
  const { account } = useStaff();
  const id = order.id;
  const api = consoleApi();
  const payable =
    order.status === 'awaiting_payment' || order.status === 'selecting' || order.status === 'expired';

  const transfer = {
    key: 'bank-transfer',
    label: t('actions.bankTransfer'),
    children: (
      <ActionForm
        id="bank-transfer"
        submitLabel={t('actions.recordTransfer')}
        codeFields={{ PAYMENT_AMOUNT_MISMATCH: 'amountFen', BANK_TRANSFER_DUPLICATE: 'reference' }}
        fields={[
          {
            name: 'amountFen',
            label: t('actions.amount'),
            initial: order.totalFen === null ? '' : formatFen(order.totalFen).replace('¥', ''),
          },
          { name: 'payerName', label: t('actions.payerName'), initial: order.customer.companyName },
          { name: 'reference', label: t('actions.reference') },
          {
            name: 'receivedOn',
            label: t('actions.receivedOn'),
            type: 'date',
            initial: formatShopDate(new Date()),
          },
        ]}
        onSubmit={async (v) => {
          const amountFen = parseYuan(v['amountFen'] ?? '');
          if (amountFen === undefined || Number.isNaN(amountFen))
            throw {
              statusCode: 400,
              code: 'VALIDATION_FAILED',
              message: t('actions.invalidAmount'),
              fields: [{ field: 'amountFen', errors: [t('actions.invalidAmount')] }],
            };
          const done = unwrap(
            await api.POST('/api/v1/staff/orders/{id}/bank-transfers', {
              params: { path: { id } },
              body: {
                amountFen,
                payerName: (v['payerName'] ?? '').trim(),
                reference: (v['reference'] ?? '').trim(),
                receivedOn: v['receivedOn'] ?? '',
              },
            }),
          );
          return t('actions.transferRecorded', {
            status: t(STATUS_MESSAGES[done.orderStatus as OrderStatus]),
          });
        }}
        onDone={onDone}
      />
    ),
  };
  const extend = {
    key: 'extend',
    label: t('actions.extend'),
    children: (
      <ActionForm
        id="extend-deadline"
        submitLabel={t('actions.extendSubmit')}
        codeFields={{ DEADLINE_NOT_EXTENDABLE: 'by' }}
        fields={[
          { name: 'by', label: t('actions.by'), help: t('actions.byHelp'), initial: '7d' },
          { name: 'reason', label: t('actions.reason'), type: 'textarea' },
        ]}
        onSubmit={async (v) => {
          const done = unwrap(
            await api.POST('/api/v1/staff/orders/{id}/deadline-extension', {
              params: { path: { id } },
              body: { by: (v['by'] ?? '').trim(), reason: (v['reason'] ?? '').trim() },
            }),
          );
          return t('actions.extended', { until: formatShopTime(done.to, locale) });
        }}
        onDone={onDone}
      />
    ),
  };
  const reassign = {
    key: 'reassign',
    label: t('actions.reassign'),
    children: (
      <ActionForm
        id="reassign"
        submitLabel={t('actions.reassignSubmit')}
        codeFields={{ ASSIGNEE_INVALID: 'assigneeId' }}
        fields={[
          { name: 'assigneeId', label: t('actions.assigneeId'), initial: account?.id ?? '', required: false },
          { name: 'reason', label: t('actions.reason'), type: 'textarea' },
        ]}
        onSubmit={async (v) => {
          const assigneeId = (v['assigneeId'] ?? '').trim();
          unwrap(
            await api.POST('/api/v1/staff/orders/{orderId}/assignee', {
              params: { path: { orderId: id } },
              body: { assigneeId: assigneeId || null, reason: (v['reason'] ?? '').trim() },
            }),
          );
          return t('actions.reassigned');
        }}
        onDone={onDone}
      />
    ),
  };
  const cancel = {
    key: 'cancel',
    label: t('actions.cancel'),
    children: (
      <ActionForm
        id="cancel-order"
        danger
        submitLabel={t('actions.cancelSubmit')}
        fields={[{ name: 'reason', label: t('actions.reason'), type: 'textarea' }]}
        onSubmit={async (v) => {
          unwrap(
            await api.POST('/api/v1/staff/orders/{id}/cancel', {
              params: { path: { id } },
              body: { reason: (v['reason'] ?? '').trim() },
            }),
          );
          return t('actions.cancelled');
        }}
        onDone={onDone}
      />
    ),
  };
  const open = !CLOSED.includes(order.status);
  const items = [
    ...(payable ? [transfer] : []),
    ...(order.nextDeadline ? [extend] : []),
    reassign,
    ...(open ? [cancel] : []),
  ];
  return <Collapse items={items} defaultActiveKey={payable ? ['bank-transfer'] : []} />;
}
