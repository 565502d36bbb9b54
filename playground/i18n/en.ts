import type { Widen } from '../../src/core/i18n/types';
import type { PlaygroundMessages } from './zh-CN';

export const en: Widen<PlaygroundMessages> = {
  title: 'Houqin · local playground',
  demoWorkbook: 'Demo workbook (a small school)',
  fileWorkbook:
    'Workbook file: {file} (saved after every change; the file as first opened is kept as {file}.bak)',
  menu: 'Menu',
  workbook: 'Workbook',
  sidebar: 'Sidebar',
  outbox: 'Outbox',
  outboxEmpty: 'No e-mail has been sent yet.',
  mailTo: 'To',
  mailSubject: 'Subject',
  mailSent: 'Sent',
  messages: 'Messages and dialogs',
  messagesEmpty: 'What a menu item shows appears here.',
  close: 'Close',
  clock: 'Clock',
  today: 'Today',
  setToday: 'Set as today',
  advance: 'Advance',
  day: '1 day',
  week: '1 week',
  month: '1 month',
  jobs: 'Scheduled jobs (run as the triggers would)',
  jobKinds: { daily: 'Daily job', weekly: 'Weekly job', monthly: 'Monthly job' },
  noJobs: 'This build of Houqin has no scheduled jobs.',
  triggersOn: 'Automation is on: {n} triggers.',
  triggersOff: 'Automation is off: advancing the clock runs no job (menu "{item}" turns it on).',
  fired: 'Ran as the triggers would: {list}',
  firedNone: 'No trigger was due in that time.',
  notSetUp: 'This workbook has no Houqin sheets yet.',
  setUpNow: 'Set up workbook',
  rowsShown: 'First {n} of {total} rows',
  emptySheet: '(empty sheet)',
  running: 'Running…',
  failed: 'Something went wrong: {message}',
  saved: 'Saved to {file}',
  saveFailed: 'Could not save {file}: {message}',
  clockBadDay: '"{text}" is not a date: write it like 2026-09-14.',
  clockOutOfRange: 'The date must be between {from} and {to}.',
  clockTooFar:
    'The clock moves forward at most {max} days at a time (every scheduled job due on the way runs): advance it in steps.',
  clockExpected:
    'Give the date to make today (today, yyyy-MM-dd) or the days to advance (days, a whole number).',
  refusedHost: 'Refused: only requests to this machine (localhost or 127.0.0.1) are accepted.',
  refusedOrigin: "Refused: only the playground's own page may send requests.",
  refusedType: 'Refused: the request body must be JSON (content-type: application/json).',
  refusedSize: 'Refused: the request body is larger than {max} KB.',
  cli: {
    listening: 'Houqin playground running at {url} (Ctrl+C stops it)',
    fileMissing: 'File not found: {file}',
    fileUnreadable: 'Cannot read {file}; it is not a usable .xlsx file: {message}',
    portInUse: 'Port {port} is in use. Choose another one, for example: npm start -- --port {next}',
    badOption: 'Unknown option: {arg}. Usage: npm start -- [--port 8080] [--workbook FILE.xlsx]',
    templateUsage: 'Usage: npm run template -- OUTPUT.xlsx',
    templateWritten:
      'Template workbook written: {file} (upload it to Google Drive and open it with Google Sheets)',
    skippedValidations:
      '{sheet}: the data validation of {count} cells could not be converted and was left out.',
    stopped: 'Stopped.',
    tooLarge:
      '{file} is too large for the playground: "{sheet}" reaches row {rows} and column {cols}, past the {max} cells (all sheets together) that the playground can keep in memory.',
  },
  upload: {
    button: 'Import a file (.xlsx / .csv)…',
    done: 'Added {names} as new sheets of the workbook (as File → Import → Insert new sheet does). Use the menu item "Import records…" to import from it.',
    refused: {
      notZip: 'this file is not an .xlsx (an .xlsx is a zip archive; this file is not)',
      zipBomb:
        'this .xlsx would unpack to too much (over 100 MB, or packed suspiciously well); it may be malicious',
      tooLarge:
        'the file has more than the 50,000 rows or 500,000 cells one import takes; split it and import each part',
      unreadable: 'the file is damaged or encrypted and cannot be read',
      kind: 'only .xlsx and .csv files can be imported',
      empty: 'the file holds nothing',
    },
    failed: 'Nothing was imported: {why}. Save it as .xlsx or .csv from Excel or WPS and try again.',
  },
};
