import { CARRIED_LANGS, messages } from '../i18n';
import { asLang, type Lang } from '../lang';
import { labelKey } from '../table/labels';
import { SETTING_DEFS, type SettingKey, type Settings } from './schema';

export const DEFAULT_SETTINGS: Settings = Object.fromEntries(
  SETTING_DEFS.map((d) => [d.key, d.kind === 'emails' ? [] : d.default]),
) as unknown as Settings;

export interface SettingProblem {
  key: SettingKey;
  /** 1-based sheet row. */
  row: number;
  value: string;
}

export interface ParsedSettings {
  settings: Settings;
  /** The sheet row of each setting found. */
  rowOf: Partial<Record<SettingKey, number>>;
  missing: SettingKey[];
  /** Values that could not be read; the default is used instead. */
  problems: SettingProblem[];
}

const byLabel = new Map<string, SettingKey>();
for (const lang of CARRIED_LANGS)
  for (const d of SETTING_DEFS) byLabel.set(labelKey(messages(lang).settings[d.key].label), d.key);
for (const d of SETTING_DEFS) byLabel.set(labelKey(d.key), d.key);
// Labels earlier versions wrote in the Settings sheet: a workbook set up then keeps its rows.
for (const [old, key] of [
  ['逾期升级(天)', 'escalationDays'],
  ['本周简报上次运行', 'digestLastRun'],
] as const)
  byLabel.set(labelKey(old), key);

export function settingLabel(lang: Lang, key: SettingKey): string {
  return messages(lang).settings[key].label;
}

const EMAIL_RE = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:"]+$/;

export function isEmail(text: string): boolean {
  return EMAIL_RE.test(text);
}

function toNumber(raw: unknown): number | undefined {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : undefined;
  const text = String(raw ?? '')
    .normalize('NFKC')
    .replace(/[,\s元¥]/g, '');
  if (!/^-?\d+(\.\d+)?$/.test(text)) return undefined;
  return Number(text);
}

/** Reads the Settings sheet (all rows, header first). Unreadable values fall back to defaults. */
export function parseSettings(values: readonly (readonly unknown[])[]): ParsedSettings {
  const settings: Settings = { ...DEFAULT_SETTINGS, officeEmails: [], bureauEmails: [] };
  const rowOf: Partial<Record<SettingKey, number>> = {};
  const problems: SettingProblem[] = [];
  values.forEach((raw, i) => {
    if (i === 0) return;
    const key = byLabel.get(labelKey(raw[0]));
    if (!key || rowOf[key] !== undefined) return;
    const row = i + 1;
    rowOf[key] = row;
    const cell = raw[1] ?? '';
    const text = String(cell).normalize('NFKC').trim();
    if (text === '') return;
    const def = SETTING_DEFS.find((d) => d.key === key)!;
    const bad = () => problems.push({ key, row, value: text });
    switch (def.kind) {
      case 'language':
        settings.language = asLang(text);
        break;
      case 'text':
        (settings as unknown as Record<string, unknown>)[key] = text;
        break;
      case 'email':
        if (isEmail(text)) (settings as unknown as Record<string, unknown>)[key] = text;
        else bad();
        break;
      case 'emails': {
        const list = text.split(/[,;，；\s]+/).filter(Boolean);
        settings[key as 'officeEmails' | 'bureauEmails'] = list.filter(isEmail);
        if (!list.every(isEmail)) bad();
        break;
      }
      case 'number': {
        const n = toNumber(cell);
        if (n !== undefined && n >= def.min) (settings as unknown as Record<string, unknown>)[key] = n;
        else bad();
        break;
      }
    }
  });
  const missing = SETTING_DEFS.map((d) => d.key).filter((k) => rowOf[k] === undefined);
  return { settings, rowOf, missing, problems };
}
