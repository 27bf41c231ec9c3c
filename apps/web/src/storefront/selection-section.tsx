import { Alert, Skeleton } from 'antd';
import { useState } from 'react';
import { customerClient } from '../auth/authed-client';
import { apiErrorText } from './api-errors';
import type { Order } from './order-types';
import { PlanPicker } from './plan-picker';
import { PriceLines } from './price-lines';
import { estimate } from './selection';
import { useCatalog } from './use-catalog';
import { unwrap } from './use-load';
import { useText } from './use-text';

/**
 * The plan and features of a held order: each change is sent at once (PUT …/selection) and
 * the breakdown shown is the server's, from its price lines.
 */
export function SelectionSection({ order, onChange }: { order: Order; onChange: (o: Order) => void }) {
  const { t, locale } = useText();
  const catalog = useCatalog();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  if (!catalog.data) return <Skeleton active />;
  const lines = order.price?.lines ?? [];
  const planCode = lines.find((l) => l.kind === 'plan')?.code;
  const featureCodes = lines.filter((l) => l.kind === 'feature').map((l) => l.code);
  const editable = order.status === 'selecting';

  const choose = async (plan: string | undefined, features: string[]) => {
    if (!plan) return;
    setBusy(true);
    setError(undefined);
    try {
      onChange(
        await unwrap(
          customerClient().PUT('/api/v1/orders/{id}/selection', {
            params: { path: { id: order.id } },
            body: { planCode: plan, featureCodes: features },
          }),
        ),
      );
    } catch (e) {
      setError(apiErrorText(e, locale));
    } finally {
      setBusy(false);
    }
  };

  const shown = order.price
    ? {
        lines: order.price.lines.map((l) => ({ ...l, fen: l.amount.fen })),
        totalFen: order.price.total.fen,
        note: t('price.saved'),
      }
    : { ...estimate(order.selectionFee.fen, undefined, []), note: t('price.estimate') };
  return (
    <div className="purchase-columns">
      {editable ? (
        <PlanPicker
          grade={order.grade}
          plans={catalog.data.plans}
          features={catalog.data.features}
          planCode={planCode}
          featureCodes={featureCodes}
          onChange={(p, f) => void choose(p, f)}
          disabled={busy}
        />
      ) : null}
      <div>
        <PriceLines lines={shown.lines} totalFen={shown.totalFen} note={shown.note} />
        {error ? <Alert type="error" showIcon role="alert" title={error} style={{ marginTop: 8 }} /> : null}
      </div>
    </div>
  );
}
