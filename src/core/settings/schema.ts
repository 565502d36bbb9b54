import type { Lang } from '../lang';

/**
 * The office's settings, each a row of the Settings sheet. The school's time zone is the
 * spreadsheet's own (File → Settings), so it is not repeated here.
 */
export const SETTING_DEFS = [
  { key: 'language', kind: 'language', default: 'zh-CN' },
  { key: 'schoolName', kind: 'text', default: '' },
  { key: 'officeHead', kind: 'email', default: '' },
  { key: 'officeEmails', kind: 'emails', default: '' },
  { key: 'repairHours', kind: 'number', default: 24, min: 1 },
  { key: 'contractorHours', kind: 'number', default: 72, min: 1 },
  { key: 'purchaseThreshold', kind: 'number', default: 1000, min: 0 },
  { key: 'expiryLeadDays', kind: 'number', default: 30, min: 0 },
  { key: 'repairAlertDays', kind: 'number', default: 1, min: 1 },
  { key: 'otherAlertDays', kind: 'number', default: 3, min: 1 },
  { key: 'escalationDays', kind: 'number', default: 3, min: 1 },
  { key: 'sampleHours', kind: 'number', default: 48, min: 1 },
  { key: 'sampleGrams', kind: 'number', default: 125, min: 1 },
  // Repairs of one class or room in a month from which the digest flags it (班级损坏较多).
  { key: 'damageThreshold', kind: 'number', default: 5, min: 1 },
  // Written by Houqin, read by people: whether the scheduled jobs are on and what they last did.
  { key: 'automation', kind: 'status', default: '' },
  { key: 'alertsLastRun', kind: 'status', default: '' },
  { key: 'digestLastRun', kind: 'status', default: '' },
  { key: 'tasksLastRun', kind: 'status', default: '' },
  // The monthly safety report: where it goes (with the office head), and what its last send did.
  { key: 'bureauEmails', kind: 'emails', default: '' },
  { key: 'safetyReportLastRun', kind: 'status', default: '' },
] as const;

/** Settings rows Houqin writes (job status); the office reads them and never needs to type there. */
export type StatusKey = Extract<(typeof SETTING_DEFS)[number], { kind: 'status' }>['key'];

export type SettingKey = (typeof SETTING_DEFS)[number]['key'];

export interface Settings {
  language: Lang;
  schoolName: string;
  /** The office head: escalations and items with no valid person go here. */
  officeHead: string;
  /** Who receives the weekly digest. */
  officeEmails: string[];
  repairHours: number;
  contractorHours: number;
  purchaseThreshold: number;
  expiryLeadDays: number;
  repairAlertDays: number;
  otherAlertDays: number;
  escalationDays: number;
  sampleHours: number;
  sampleGrams: number;
  damageThreshold: number;
  /** The education bureau's addresses for the monthly safety report. */
  bureauEmails: string[];
}
