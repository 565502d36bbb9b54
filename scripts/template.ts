// `npm run template -- out.xlsx`: the empty template workbook, made by the real "Set up workbook"
// in the emulator and written with the same converter the playground uses.
import { writeFile } from 'node:fs/promises';
import { cliText, conversionWarnings } from '../playground/cli';
import { templateXlsx } from '../playground/template';

async function main(): Promise<void> {
  const out = process.argv[2];
  if (!out || process.argv.length > 3) {
    console.error(cliText('templateUsage'));
    process.exit(2);
  }
  const { bytes, notes } = await templateXlsx();
  await writeFile(out, bytes);
  for (const line of conversionWarnings(notes)) console.warn(line);
  console.log(cliText('templateWritten', { file: out }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
