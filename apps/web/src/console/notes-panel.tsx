import { List, Typography } from 'antd';
import { formatShopTime } from '../format/time';
import { ActionForm } from './action-form';
import { consoleApi, unwrap, useConsoleText, useLoad } from './use-console';

/** The staff's notes on an order, newest first, and a box to add one (@email mentions notify). */
export function NotesPanel({
  orderId,
  version,
  onAdded,
}: {
  orderId: string;
  version: number;
  onAdded: () => void;
}) {
  const { t, locale } = useConsoleText();
  const notes = useLoad(
    async (signal) =>
      unwrap(
        await consoleApi().GET('/api/v1/staff/orders/{orderId}/notes', {
          params: { path: { orderId }, query: { limit: 50 } },
          signal,
        }),
      ),
    `${orderId}:${version}`,
  );
  return (
    <section aria-labelledby="notes-heading">
      <Typography.Title level={4} id="notes-heading">
        {t('notes.heading')}
      </Typography.Title>
      <ActionForm
        id="add-note"
        submitLabel={t('notes.submit')}
        codeFields={{ MENTION_UNKNOWN: 'body' }}
        fields={[{ name: 'body', label: t('notes.body'), type: 'textarea', extra: t('notes.help') }]}
        onSubmit={async (v) => {
          unwrap(
            await consoleApi().POST('/api/v1/staff/orders/{orderId}/notes', {
              params: { path: { orderId } },
              body: { body: (v['body'] ?? '').trim() },
            }),
          );
          return t('notes.added');
        }}
        onDone={onAdded}
      />
      <List
        data-testid="notes-list"
        style={{ marginTop: 12 }}
        dataSource={notes.data?.items ?? []}
        loading={notes.loading}
        renderItem={(note) => (
          <List.Item key={note.id}>
            <List.Item.Meta
              title={`${note.author.name} · ${formatShopTime(note.createdAt, locale)}`}
              description={
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                  {note.body}
                </Typography.Paragraph>
              }
            />
          </List.Item>
        )}
      />
    </section>
  );
}
