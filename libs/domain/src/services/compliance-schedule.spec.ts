import fc from 'fast-check';
import {
  credentialLapsesAt,
  credentialProblems,
  dossierExpiry,
  dueReminder,
  nextServiceDeadline,
  quarantineUntil,
  recordsPurgeAt,
  terminatesAt,
  type ComplianceWindows,
} from './compliance-schedule';

const DAY = 86_400_000;
const W: ComplianceWindows = {
  terminateAfterMs: 90 * DAY,
  quarantineMs: 90 * DAY,
  retentionMs: 730 * DAY,
  reminderOffsetsMs: [30 * DAY, 7 * DAY, DAY],
  documentReminderOffsetsMs: [7 * DAY, 3 * DAY, DAY],
};
const T = new Date('2026-01-10T04:00:00Z');

describe('compliance schedule', () => {
  it('adds the configured windows', () => {
    expect(terminatesAt(T, W)).toEqual(new Date('2026-04-10T04:00:00Z'));
    expect(quarantineUntil(T, W)).toEqual(new Date('2026-04-10T04:00:00Z'));
    expect(recordsPurgeAt(T, W)).toEqual(new Date('2028-01-10T04:00:00Z'));
  });

  it('lets a credential run through its last day in Beijing', () => {
    expect(credentialLapsesAt('2026-05-01')).toEqual(new Date('2026-05-01T16:00:00Z'));
    expect(credentialLapsesAt('2026-12-31')).toEqual(new Date('2026-12-31T16:00:00Z'));
    expect(() => credentialLapsesAt('2026/05/01')).toThrow();
  });

  it.each([
    [{ licenceExpiresOn: null, legalRepIdExpiresOn: null, industryLicenceExpiresOn: null }, null],
    [
      { licenceExpiresOn: '2027-01-01', legalRepIdExpiresOn: null, industryLicenceExpiresOn: null },
      ['licenceExpiresOn', 'licence_expired'],
    ],
    [
      { licenceExpiresOn: '2027-01-01', legalRepIdExpiresOn: '2026-06-01', industryLicenceExpiresOn: null },
      ['legalRepIdExpiresOn', 'id_expired'],
    ],
    [
      {
        licenceExpiresOn: '2027-01-01',
        legalRepIdExpiresOn: '2026-06-01',
        industryLicenceExpiresOn: '2026-03-01',
      },
      ['industryLicenceExpiresOn', 'licence_expired'],
    ],
    [
      { licenceExpiresOn: '2026-06-01', legalRepIdExpiresOn: '2026-06-01', industryLicenceExpiresOn: null },
      ['licenceExpiresOn', 'licence_expired'],
    ],
  ] as const)('dossier expiry of %j is %j', (expiries, expected) => {
    const expiry = dossierExpiry(expiries);
    if (expected === null) expect(expiry).toBeNull();
    else expect([expiry?.field, expiry?.reason]).toEqual(expected);
  });

  it('names credentials that lapse within the minimum validity', () => {
    const problems = credentialProblems(
      {
        licenceExpiresOn: '2026-01-01',
        legalRepIdExpiresOn: '2026-03-01',
        industryLicenceExpiresOn: '2030-01-01',
      },
      T,
      183 * DAY,
    );
    expect(problems.map((p) => [p.field, p.code])).toEqual([
      ['licenceExpiresOn', 'CREDENTIAL_EXPIRED'],
      ['legalRepIdExpiresOn', 'CREDENTIAL_EXPIRES_SOON'],
    ]);
    expect(
      credentialProblems(
        { licenceExpiresOn: null, legalRepIdExpiresOn: null, industryLicenceExpiresOn: null },
        T,
        183 * DAY,
      ),
    ).toEqual([]);
  });

  it.each([
    [31, null],
    [30, 30],
    [20, 30],
    [7, 7],
    [6.5, 7],
    [1, 1],
    [0.5, 1],
    [0, null],
    [-1, null],
  ])('%d days before the step the due reminder is %p days', (daysBefore, expected) => {
    const due = new Date(T.getTime() + daysBefore * DAY);
    const reminder = dueReminder(due, W.reminderOffsetsMs, T);
    expect(reminder === null ? null : reminder.offsetMs / DAY).toBe(expected);
  });

  it('sends at most one reminder per offset however often it is asked (property)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 60 }), { minLength: 1, maxLength: 5 }),
        fc.array(fc.integer({ min: 0, max: 61 * 24 }), { minLength: 1, maxLength: 30 }),
        (offsetDays, hoursIntoWindow) => {
          const due = new Date(T.getTime() + 61 * DAY);
          const offsets = offsetDays.map((d) => d * DAY);
          const times = [...hoursIntoWindow]
            .sort((a, b) => a - b)
            .map((h) => new Date(T.getTime() + h * 3_600_000));
          const sent = new Set<number>();
          let previous = Infinity;
          for (const now of times) {
            const r = dueReminder(due, offsets, now);
            if (!r) continue;
            expect(r.at.getTime()).toBeLessThanOrEqual(now.getTime());
            expect(r.offsetMs).toBeLessThanOrEqual(previous); // never an earlier, longer offset again
            previous = r.offsetMs;
            sent.add(r.offsetMs);
          }
          expect(sent.size).toBeLessThanOrEqual(offsets.length);
        },
      ),
    );
  });

  it('says what happens next to a line', () => {
    const expiry = dossierExpiry({
      licenceExpiresOn: '2026-05-01',
      legalRepIdExpiresOn: null,
      industryLicenceExpiresOn: null,
    });
    expect(
      nextServiceDeadline({ status: 'active', terminatesAt: null, expiry, openTaskDueAt: null }),
    ).toEqual({
      at: new Date('2026-05-01T16:00:00Z'),
      action: 'suspend',
      reason: 'licence_expired',
    });
    expect(
      nextServiceDeadline({
        status: 'active',
        terminatesAt: null,
        expiry,
        openTaskDueAt: new Date('2026-03-01T00:00:00Z'),
      }),
    ).toMatchObject({ action: 'suspend', reason: 'reverification_overdue' });
    expect(
      nextServiceDeadline({ status: 'suspended', terminatesAt: T, expiry, openTaskDueAt: null }),
    ).toEqual({
      at: T,
      action: 'terminate',
      reason: null,
    });
    expect(
      nextServiceDeadline({ status: 'terminated', terminatesAt: null, expiry, openTaskDueAt: null }),
    ).toBeNull();
    expect(
      nextServiceDeadline({ status: 'active', terminatesAt: null, expiry: null, openTaskDueAt: null }),
    ).toBeNull();
  });
});
