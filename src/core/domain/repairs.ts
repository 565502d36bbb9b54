import type { Settings } from '../settings/schema';

const HOUR = 3_600_000;

/** The 24-hour repair rule: fixed within `repairHours` of the report, longer when a contractor is needed. */
export function repairDeadline(
  reportedAt: Date,
  contractor: boolean,
  settings: Pick<Settings, 'repairHours' | 'contractorHours'>,
): Date {
  return new Date(
    reportedAt.getTime() + (contractor ? settings.contractorHours : settings.repairHours) * HOUR,
  );
}
