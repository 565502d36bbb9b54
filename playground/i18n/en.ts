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
  mailAttachment: 'Attachment (PDF, shown as the page it prints)',
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
    notZip:
      'Cannot open {file}: it is not an .xlsx workbook (not a zip file). If it is an .xls, .et or .csv file, open it in Excel or WPS, save it as "Excel Workbook (*.xlsx)" and try again. The file was not changed.',
    encrypted:
      'Cannot open {file}: it is password-protected or encrypted (or an old .xls). Open it in Excel or WPS, remove the password (File → Info → Protect Workbook / Encrypt), save it as .xlsx and try again. The file was not changed.',
    bomb: 'Refused to open {file}: its part "{part}" unpacks to an implausible size (over 400 MB, or more than 1,000 times its packed size); the file may be damaged or hostile. The file was not changed.',
    notWorkbook:
      'Cannot open {file}: this zip file holds no Excel workbook (it may be a .docx, a .pptx or another archive). Choose an .xlsx workbook. The file was not changed.',
    broken:
      'Cannot open {file}: the file is damaged (its zip structure is incomplete). Open it in Excel or WPS to repair it, save it as .xlsx and try again. The file was not changed.',
  },
  xlsx: {
    savedAside:
      'Saved to a new file, {file}; {original} is unchanged. The new file lacks these changes Houqin made: {lacks}.',
    lackSeparator: '; ',
    lacks: {
      notes:
        'notes on {count} cells of "{sheet}" (this sheet has Excel 365 threaded comments; its notes are kept as they were)',
      styles: 'font colour, size, italics, wrapping or alignment of {count} cells of "{sheet}"',
      validations: 'data validation of {count} cells of "{sheet}"',
    },
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
