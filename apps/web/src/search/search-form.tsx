import { Button, Checkbox, Col, Form, Input, Row, Select } from 'antd';
import { useState, type ReactNode } from 'react';
import {
  CARRIER_CODES,
  GRADE_CODES,
  NUMBER_SORTS,
  PATTERN_FILTER_POSITIONS,
  PATTERN_TAGS,
  type Carrier,
  type GradeCode,
  type NumberSort,
  type PatternFilterPosition,
  type PatternTag,
} from '@haoma/domain';
import type { ApiErrorBody } from '../api/client';
import { formatFen, parseYuan } from '../format/money';
import { useI18n } from '../i18n/i18n';
import type { MessageId } from '../i18n/messages';
import { EMPTY_FILTERS, type SearchFilters } from './search-filters';

type TextField = 'startsWith' | 'endsWith' | 'contains' | 'mask' | 'word' | 'excludeDigits';

// Field ids double as the API's parameter names, so an INVALID_QUERY error finds its field.
const fieldId = (name: string) => `search-${name}`;

const yuanText = (fen: number | undefined) => (fen === undefined ? '' : formatFen(fen).replace(/^¥/, ''));

/**
 * Every filter of GET /api/v1/numbers. Each change goes straight to `onChange` (the URL);
 * fee fields keep what is typed until it reads as an amount.
 */
export function SearchForm({
  filters,
  onChange,
  error,
}: {
  filters: SearchFilters;
  onChange: (filters: SearchFilters) => void;
  error: ApiErrorBody | undefined;
}) {
  const { t } = useI18n();
  const set = (patch: Partial<SearchFilters>) => onChange({ ...filters, ...patch });
  const fieldError = (...names: string[]) =>
    error?.fields
      ?.filter((f) => names.includes(f.field))
      .flatMap((f) => f.errors)
      .join(' ') || undefined;

  const item = (name: string, label: MessageId, control: ReactNode, help?: MessageId, apiNames = [name]) => {
    const problem = fieldError(...apiNames);
    return (
      <Col xs={24} sm={12} lg={6}>
        <Form.Item
          label={t(label)}
          htmlFor={fieldId(name)}
          validateStatus={problem ? 'error' : undefined}
          help={problem ?? (help ? t(help) : undefined)}
        >
          {control}
        </Form.Item>
      </Col>
    );
  };
  const text = (name: TextField, label: MessageId, help?: MessageId) =>
    item(
      name,
      label,
      <Input
        id={fieldId(name)}
        name={name}
        value={filters[name]}
        allowClear
        autoComplete="off"
        inputMode={name === 'word' || name === 'mask' ? 'text' : 'numeric'}
        onChange={(e) => set({ [name]: e.target.value })}
      />,
      help,
    );

  return (
    <Form layout="vertical" component="div" aria-label={t('search.filters')} role="search">
      <Row gutter={12}>
        {text('startsWith', 'search.startsWith')}
        {text('endsWith', 'search.endsWith')}
        {text('contains', 'search.contains')}
        {text('mask', 'search.mask', 'search.maskHelp')}
        {item(
          'pattern',
          'search.pattern',
          <Select<PatternTag | ''>
            id={fieldId('pattern')}
            value={filters.pattern}
            // Typing AABB offers AABB before AABBCC and AAABB: the shortest match first.
            showSearch={{ filterSort: (a, b) => String(a.label).length - String(b.label).length }}
            options={[
              { value: '', label: t('search.any') },
              ...PATTERN_TAGS.map((tag) => ({ value: tag, label: tag })),
            ]}
            onChange={(pattern) => set({ pattern })}
          />,
        )}
        {item(
          'patternPosition',
          'search.patternPosition',
          <Select<PatternFilterPosition>
            id={fieldId('patternPosition')}
            value={filters.patternPosition}
            disabled={filters.pattern === ''}
            options={PATTERN_FILTER_POSITIONS.map((p) => ({ value: p, label: t(`search.position.${p}`) }))}
            onChange={(patternPosition) => set({ patternPosition })}
          />,
        )}
        {item(
          'grade',
          'search.grade',
          <Select<GradeCode[]>
            id={fieldId('grade')}
            mode="multiple"
            allowClear
            placeholder={t('search.any')}
            value={[...filters.grades]}
            options={GRADE_CODES.map((g) => ({ value: g, label: t(`grade.${g}`) }))}
            onChange={(grades) => set({ grades })}
          />,
        )}
        {item(
          'carrier',
          'search.carrier',
          <Select<Carrier[]>
            id={fieldId('carrier')}
            mode="multiple"
            allowClear
            placeholder={t('search.any')}
            value={[...filters.carriers]}
            options={CARRIER_CODES.map((c) => ({ value: c, label: t(`carrier.${c}`) }))}
            onChange={(carriers) => set({ carriers })}
          />,
        )}
        <FeeField
          name="minFee"
          label={t('search.minFee')}
          fen={filters.minFeeFen}
          apiError={fieldError('minFee')}
          onFen={(minFeeFen) => set({ minFeeFen })}
        />
        <FeeField
          name="maxFee"
          label={t('search.maxFee')}
          fen={filters.maxFeeFen}
          apiError={fieldError('maxFee')}
          onFen={(maxFeeFen) => set({ maxFeeFen })}
        />
        {text('excludeDigits', 'search.excludeDigits', 'search.excludeDigitsHelp')}
        {item(
          'sort',
          'search.sort',
          <Select<NumberSort>
            id={fieldId('sort')}
            value={filters.sort}
            options={NUMBER_SORTS.map((s) => ({ value: s, label: t(`search.sort.${s}`) }))}
            onChange={(sort) => set({ sort })}
          />,
        )}
        {text('word', 'search.word')}
        <Col xs={24} sm={12} lg={6}>
          <Form.Item label=" " colon={false}>
            <Checkbox
              id={fieldId('lucky')}
              checked={filters.lucky}
              onChange={(e) => set({ lucky: e.target.checked })}
            >
              {t('search.lucky')}
            </Checkbox>
            <Button type="link" onClick={() => onChange(EMPTY_FILTERS)}>
              {t('search.reset')}
            </Button>
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
}

function FeeField(props: {
  name: string;
  label: string;
  fen: number | undefined;
  apiError: string | undefined;
  onFen: (fen: number | undefined) => void;
}) {
  const { t } = useI18n();
  const [typed, setTyped] = useState(() => yuanText(props.fen));
  // The URL changed under the field (back button, reset): show its amount.
  const [shownFen, setShownFen] = useState(props.fen);
  if (shownFen !== props.fen) {
    setShownFen(props.fen);
    if (parseYuan(typed) !== props.fen) setTyped(yuanText(props.fen));
  }
  const fen = parseYuan(typed);
  const problem = Number.isNaN(fen) ? t('search.invalidFee') : props.apiError;
  return (
    <Col xs={24} sm={12} lg={6}>
      <Form.Item
        label={props.label}
        htmlFor={fieldId(props.name)}
        validateStatus={problem ? 'error' : undefined}
        help={problem}
      >
        <Input
          id={fieldId(props.name)}
          name={props.name}
          value={typed}
          prefix="¥"
          inputMode="decimal"
          autoComplete="off"
          allowClear
          onChange={(e) => {
            setTyped(e.target.value);
            const next = parseYuan(e.target.value);
            if (!Number.isNaN(next)) props.onFen(next);
          }}
        />
      </Form.Item>
    </Col>
  );
}
