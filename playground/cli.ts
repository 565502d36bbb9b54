/** Messages of the command-line tools, in both languages: the terminal has no Settings sheet. */
import { inEveryLanguage, type PlaygroundText } from './i18n';
import type { ConversionNotes } from './xlsx';

export type CliKey = keyof PlaygroundText['cli'];

export function cliText(key: CliKey, params: Record<string, string | number> = {}): string {
  return inEveryLanguage((text) => text.cli[key], params);
}

export function conversionWarnings(notes: ConversionNotes): string[] {
  return notes.skippedValidations.map((s) => cliText('skippedValidations', s));
}
