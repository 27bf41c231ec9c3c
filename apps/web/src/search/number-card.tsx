import { Card, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { NumberSummary } from '../api/client';
import { formatFen } from '../format/money';
import { useI18n } from '../i18n/i18n';
import type { MessageId } from '../i18n/messages';
import { highlightSegments, matchingDigits } from './highlight';
import type { SearchFilters } from './search-filters';

/** Grade badge colours, cheapest to dearest. */
const GRADE_COLORS: Record<string, string> = {
  standard: 'default',
  silver: 'geekblue',
  gold: 'gold',
  platinum: 'purple',
  diamond: 'magenta',
};

/** One number in the results: its digits with the matching ones marked, grade, fee, plan. */
export function NumberCard({
  number,
  filters,
  extra,
}: {
  number: NumberSummary;
  filters: SearchFilters | undefined;
  extra?: string;
}) {
  const { t, locale } = useI18n();
  const hits = filters ? matchingDigits(number.digits, filters) : [];
  const segments = highlightSegments(number.patternDisplay, hits);
  const plan = number.cheapestPlan;
  return (
    <Card size="small" className="number-card" data-testid="number-card" data-digits={number.digits}>
      {/* The number opens its page: grade explained, plans and the price, "hold this number". */}
      <Link to={`/numbers/${number.digits}`} className="number-digits" aria-label={number.display}>
        {segments.map((s, i) => (s.hit ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>))}
      </Link>
      <Space size={[4, 4]} wrap>
        <Tag color={GRADE_COLORS[number.grade.code] ?? 'default'} data-testid="grade">
          {t(`grade.${number.grade.code}` as MessageId)}
        </Tag>
        <Tag>{locale === 'zh-CN' ? number.carrier.nameZh : number.carrier.name}</Tag>
        {extra ? <Tag color="cyan">{extra}</Tag> : null}
      </Space>
      <Typography.Paragraph style={{ margin: '8px 0 0' }}>
        {t('number.selectionFee')}: <strong>{formatFen(number.selectionFee.fen)}</strong>
        <br />
        <Typography.Text type="secondary">
          {plan
            ? `${t('number.plan')} ${locale === 'zh-CN' ? plan.nameZh : plan.name} ${formatFen(plan.annualFee.fen)}${t('number.perYear')}`
            : t('number.noPlan')}
        </Typography.Text>
      </Typography.Paragraph>
    </Card>
  );
}
