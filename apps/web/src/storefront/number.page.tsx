import { Alert, Button, Card, Descriptions, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { createApiClient } from '../api/client';
import { customerClient } from '../auth/authed-client';
import { useSession } from '../auth/session';
import { formatShopTime } from '../format/time';
import { apiErrorText } from './api-errors';
import { PlanPicker } from './plan-picker';
import { PriceLines } from './price-lines';
import { estimate } from './selection';
import { unwrap, useLoad } from './use-load';
import { useCatalog } from './use-catalog';
import { useText } from './use-text';

/** One number: why it has its grade, the plans and features it can take, and the hold. */
export function NumberPage() {
  const { number = '' } = useParams();
  const { t, locale } = useText();
  const navigate = useNavigate();
  const { signedIn } = useSession('customer');
  const found = useLoad(`number:${number}`, () =>
    unwrap(createApiClient().GET('/api/v1/numbers/{number}', { params: { path: { number } } })),
  );
  const catalog = useCatalog();
  const [planCode, setPlanCode] = useState<string>();
  const [featureCodes, setFeatureCodes] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  if (found.error)
    return <Alert type="error" showIcon role="alert" title={apiErrorText(found.error, locale)} />;
  const n = found.data;
  if (!n || !catalog.data) return <Skeleton active />;

  const name = (x: { name: string; nameZh: string }) => (locale === 'zh-CN' ? x.nameZh : x.name);
  const plan = catalog.data.plans.find((p) => p.code === planCode);
  const features = catalog.data.features.filter((f) => featureCodes.includes(f.code));
  const priced = estimate(n.selectionFee.fen, plan, features);

  const hold = async () => {
    if (!signedIn) {
      void navigate(`/login?next=${encodeURIComponent(`/numbers/${n.digits}`)}`);
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const api = customerClient();
      const order = await unwrap(api.POST('/api/v1/orders', { body: { number: n.digits } }));
      if (planCode)
        await unwrap(
          api.PUT('/api/v1/orders/{id}/selection', {
            params: { path: { id: order.id } },
            body: { planCode, featureCodes },
          }),
        ).catch(() => undefined); // The order page shows the picker again; the hold is what matters.
      void navigate(`/orders/${order.id}`);
    } catch (e) {
      setError(apiErrorText(e, locale));
      setBusy(false);
    }
  };

  return (
    <div className="purchase-page">
      <Typography.Title level={2} className="number-heading">
        <span className="number-digits">{n.patternDisplay}</span>
      </Typography.Title>
      <Card size="small">
        <Descriptions column={{ xs: 1, sm: 2 }} size="small">
          <Descriptions.Item label={t('number.gradeWhy')}>
            <Space wrap>
              <Tag color="gold" data-testid="grade">
                {name(n.grade)}
              </Tag>
              <span data-testid="grade-explanation">{n.explanation}</span>
              {n.tags.map((tag) => (
                <Tag key={`${tag.tag}:${tag.position}`}>{tag.tag}</Tag>
              ))}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t('number.carrier')}>{name(n.carrier)}</Descriptions.Item>
          <Descriptions.Item label={t('price.selectionFee')}>{n.selectionFee.display}</Descriptions.Item>
          <Descriptions.Item label={t('order.status')}>
            {n.availability === 'available'
              ? t('number.available')
              : n.availability === 'held' && n.heldUntil
                ? t('number.heldUntil', { time: formatShopTime(n.heldUntil, locale) })
                : t(n.availability === 'held' ? 'number.held' : 'number.taken')}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <div className="purchase-columns">
        <PlanPicker
          grade={n.grade.code}
          plans={catalog.data.plans}
          features={catalog.data.features}
          planCode={planCode}
          featureCodes={featureCodes}
          onChange={(p, f) => {
            setPlanCode(p);
            setFeatureCodes(f);
          }}
        />
        <div>
          <PriceLines lines={priced.lines} totalFen={priced.totalFen} note={t('price.estimate')} />
          {error ? (
            <Alert type="error" showIcon role="alert" title={error} style={{ marginTop: 12 }} />
          ) : null}
          <Button
            type="primary"
            size="large"
            block
            style={{ marginTop: 16 }}
            disabled={n.availability !== 'available'}
            loading={busy}
            onClick={() => void hold()}
          >
            {t('number.hold')}
          </Button>
          <Typography.Paragraph type="secondary">{t('number.holdHelp')}</Typography.Paragraph>
        </div>
      </div>
    </div>
  );
}
