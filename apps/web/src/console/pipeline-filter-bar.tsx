import { Button, Checkbox, Form, Input, Select } from 'antd';
import { CARRIER_CODES, GRADE_CODES, ORDER_STATUSES } from '@haoma/domain';
import { STATUS_MESSAGES } from './console-messages';
import { NO_FILTERS, hasFilters, type PipelineFilters } from './pipeline-filters';
import { useConsoleText } from './use-console';

/** The pipeline filters as form fields; every change is handed up at once (the URL keeps them). */
export function PipelineFilterBar({
  filters,
  onChange,
}: {
  filters: PipelineFilters;
  onChange: (next: PipelineFilters) => void;
}) {
  const { t, shop } = useConsoleText();
  const set = (patch: Partial<PipelineFilters>) => onChange({ ...filters, ...patch });
  const assignee = filters.assignee === 'me' || filters.assignee === 'none' ? filters.assignee : 'any';

  return (
    <Form layout="inline" aria-label={t('board.filters')} style={{ rowGap: 8, marginBottom: 16 }}>
      <Form.Item label={t('board.search')} htmlFor="pipeline-q">
        {/* Typed into freely and applied on Enter, so each keystroke is not a request; keyed
            by the applied search so that clearing the filters (or going back) resets it. */}
        <Input.Search
          key={filters.q ?? ''}
          id="pipeline-q"
          allowClear
          placeholder={t('board.searchHelp')}
          defaultValue={filters.q ?? ''}
          onSearch={(value) => {
            const { q: _drop, ...rest } = filters;
            onChange(value.trim() ? { ...rest, q: value.trim() } : rest);
          }}
          style={{ width: 280 }}
        />
      </Form.Item>
      <Form.Item label={t('board.status')} htmlFor="pipeline-status">
        <Select
          id="pipeline-status"
          mode="multiple"
          allowClear
          style={{ minWidth: 180 }}
          value={[...filters.status]}
          onChange={(status) => set({ status })}
          options={ORDER_STATUSES.map((s) => ({ value: s, label: t(STATUS_MESSAGES[s]) }))}
        />
      </Form.Item>
      <Form.Item label={t('board.assignee')} htmlFor="pipeline-assignee">
        <Select
          id="pipeline-assignee"
          style={{ minWidth: 120 }}
          value={assignee}
          onChange={(value) => {
            const { assignee: _drop, ...rest } = filters;
            onChange(value === 'any' ? rest : { ...rest, assignee: value });
          }}
          options={[
            { value: 'any', label: t('board.assignee.any') },
            { value: 'me', label: t('board.assignee.me') },
            { value: 'none', label: t('board.assignee.none') },
          ]}
        />
      </Form.Item>
      <Form.Item label={t('board.carrier')} htmlFor="pipeline-carrier">
        <Select
          id="pipeline-carrier"
          mode="multiple"
          allowClear
          style={{ minWidth: 140 }}
          value={[...filters.carrier]}
          onChange={(carrier) => set({ carrier })}
          options={CARRIER_CODES.map((c) => ({ value: c, label: shop(`carrier.${c}`) }))}
        />
      </Form.Item>
      <Form.Item label={t('board.grade')} htmlFor="pipeline-grade">
        <Select
          id="pipeline-grade"
          mode="multiple"
          allowClear
          style={{ minWidth: 140 }}
          value={[...filters.grade]}
          onChange={(grade) => set({ grade })}
          options={GRADE_CODES.map((g) => ({ value: g, label: shop(`grade.${g}`) }))}
        />
      </Form.Item>
      <Form.Item>
        <Checkbox checked={filters.overdue} onChange={(e) => set({ overdue: e.target.checked })}>
          {t('board.overdue')}
        </Checkbox>
      </Form.Item>
      {hasFilters(filters) ? (
        <Form.Item>
          <Button onClick={() => onChange(NO_FILTERS)}>{t('board.clear')}</Button>
        </Form.Item>
      ) : null}
    </Form>
  );
}
