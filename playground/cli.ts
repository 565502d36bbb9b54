/** Messages of the command-line tools, in both languages: the terminal has no Settings sheet. */
import { fill, messages } from '../src/core/i18n';
import { LANGS } from '../src/core/lang';
import type { ConversionNotes } from './xlsx';

export type CliKey = keyof ReturnType<typeof messages>['playground']['cli'];

export function cliText(key: CliKey, params: Record<string, string | number> = {}): string {
  return LANGS.map((lang) => fill(messages(lang).playground.cli[key], params)).join('\n');
}

export function conversionWarnings(notes: ConversionNotes): string[] {
  return notes.skippedValidations.map((s) => cliText('skippedValidations', s));
}
