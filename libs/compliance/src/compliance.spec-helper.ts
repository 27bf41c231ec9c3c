// The compliance windows the tests run with. The database fixtures (live services, orders,
// dossiers) are shared with the app suites and live in @haoma/testing (live-service.fixtures.ts).
import type { ComplianceWindows } from '@haoma/domain';

const DAY = 86_400_000;

/** The configured defaults (90 d, 90 d, 2 y; reminders 30/7/1 d and 7/3/1 d). */
export const TEST_WINDOWS: ComplianceWindows = {
  terminateAfterMs: 90 * DAY,
  quarantineMs: 90 * DAY,
  retentionMs: 730 * DAY,
  reminderOffsetsMs: [30 * DAY, 7 * DAY, DAY],
  documentReminderOffsetsMs: [7 * DAY, 3 * DAY, DAY],
};
