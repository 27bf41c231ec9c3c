import { Descriptions, Typography } from 'antd';
import { formatFen } from '../format/money';
import type { EstimateLine } from './selection';
import { useText } from './use-text';

/** A price breakdown: the estimate before the hold, the server's lines after. */
export function PriceLines({
  lines,
  totalFen,
  note,
}: {
  lines: readonly EstimateLine[];
  totalFen: number;
  note: string;
}) {
  const { t, locale } = useText();
  const label = (l: EstimateLine) => {
    const name = locale === 'zh-CN' ? l.nameZh : l.name;
    if (l.kind === 'selection_fee') return t('price.selectionFee');
    return l.kind === 'plan' ? t('price.planFirstYear', { name }) : t('price.feature', { name });
  };
  return (
    <section aria-label={t('price.heading')} data-testid="price-lines">
      <Typography.Title level={4}>{t('price.heading')}</Typography.Title>
      <Descriptions column={1} size="small" bordered>
        {lines.map((l) => (
          <Descriptions.Item key={`${l.kind}:${l.code}`} label={label(l)}>
            {formatFen(l.fen)}
          </Descriptions.Item>
        ))}
        <Descriptions.Item label={<strong>{t('price.total')}</strong>}>
          <strong data-testid="price-total">{formatFen(totalFen)}</strong>
        </Descriptions.Item>
      </Descriptions>
      <Typography.Text type="secondary">{note}</Typography.Text>
    </section>
  );
}
