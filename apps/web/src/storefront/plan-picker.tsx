import { Alert, Checkbox, Radio, Space, Typography } from 'antd';
import { formatFen } from '../format/money';
import { useI18n } from '../i18n/i18n';
import type { MessageId } from '../i18n/messages';
import { conflictsWith, toggleFeature, type Feature, type Plan } from './selection';
import { useText } from './use-text';

export interface PlanPickerProps {
  /** The number's grade code (standard … diamond). */
  readonly grade: string;
  readonly plans: readonly Plan[];
  readonly features: readonly Feature[];
  readonly planCode: string | undefined;
  readonly featureCodes: readonly string[];
  readonly onChange: (planCode: string | undefined, featureCodes: string[]) => void;
  readonly disabled?: boolean;
}

/**
 * Plans (those the grade does not allow are shown disabled, with why) and features (one that
 * conflicts with a chosen one is disabled and says which). Radio and checkbox groups: arrow
 * keys and space work, every option is labelled.
 */
export function PlanPicker(props: PlanPickerProps) {
  const { t, locale } = useText();
  const name = (x: { name: string; nameZh: string }) => (locale === 'zh-CN' ? x.nameZh : x.name);
  const shell = useI18n();
  const gradeName = shell.t(`grade.${props.grade}` as MessageId);
  const allowed = props.plans.filter((p) => (p.allowedGrades as readonly string[]).includes(props.grade));
  const cheapest = allowed[0];
  const featureName = (code: string) => {
    const f = props.features.find((x) => x.code === code);
    return f ? name(f) : code;
  };
  return (
    <div className="plan-picker">
      <fieldset>
        <legend>
          <Typography.Title level={4}>{t('plan.heading')}</Typography.Title>
        </legend>
        {cheapest ? (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title={t('plan.minimumForGrade', {
              grade: gradeName,
              plan: `${name(cheapest)} ${t('plan.annual', { fee: formatFen(cheapest.annualFee.fen) })}`,
            })}
          />
        ) : null}
        <Radio.Group
          value={props.planCode}
          disabled={props.disabled}
          onChange={(e) => props.onChange(e.target.value as string, [...props.featureCodes])}
        >
          <Space direction="vertical">
            {props.plans.map((p) => {
              const ok = allowed.includes(p);
              return (
                <Radio key={p.code} value={p.code} disabled={!ok} data-testid={`plan-${p.code}`}>
                  <strong>{name(p)}</strong> {t('plan.annual', { fee: formatFen(p.annualFee.fen) })}
                  <br />
                  <Typography.Text type="secondary">
                    {ok
                      ? t('plan.details', {
                          minutes: p.includedMinutes,
                          rate: formatFen(p.perMinuteRate.fen),
                          months: p.termMonths,
                        })
                      : t('plan.notForGrade', { grade: gradeName })}
                  </Typography.Text>
                </Radio>
              );
            })}
          </Space>
        </Radio.Group>
      </fieldset>
      {props.features.length ? (
        <fieldset>
          <legend>
            <Typography.Title level={4}>{t('feature.heading')}</Typography.Title>
          </legend>
          <Space direction="vertical">
            {props.features.map((f) => {
              const chosen = props.featureCodes.includes(f.code);
              const conflicts = conflictsWith(f, props.featureCodes, props.features);
              return (
                <Checkbox
                  key={f.code}
                  checked={chosen}
                  disabled={props.disabled || (!chosen && conflicts.length > 0)}
                  onChange={() =>
                    props.onChange(props.planCode, toggleFeature(f.code, props.featureCodes, props.features))
                  }
                >
                  <strong>{name(f)}</strong> {t('plan.annual', { fee: formatFen(f.annualFee.fen) })}
                  <br />
                  <Typography.Text type="secondary">
                    {conflicts.length && !chosen
                      ? t('feature.excludedBy', { names: conflicts.map(featureName).join('、') })
                      : f.excludes.length
                        ? t('feature.excludes', { names: f.excludes.map(featureName).join('、') })
                        : f.description}
                  </Typography.Text>
                </Checkbox>
              );
            })}
          </Space>
        </fieldset>
      ) : null}
    </div>
  );
}
