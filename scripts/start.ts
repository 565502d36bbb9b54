// `npm start`: the local playground. Serves the built add-on, running in the emulator on the demo
// workbook (or on --workbook FILE.xlsx), at http://localhost:8080 until Ctrl+C.
import { cliText, conversionWarnings } from '../playground/cli';
import { startPlayground, StartError, type PlaygroundOptions } from '../playground/server';

function parseArgs(args: string[]): PlaygroundOptions {
  const options: PlaygroundOptions = { port: 8080 };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [flag, inline] = arg.split(/=(.*)/s) as [string, string | undefined];
    const value = (): string => {
      const v = inline ?? args[++i];
      if (v === undefined || v === '') throw new StartError('badOption', { arg });
      return v;
    };
    if (flag === '--port') {
      const port = Number(value());
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new StartError('badOption', { arg });
      options.port = port;
    } else if (flag === '--workbook') options.workbook = value();
    else throw new StartError('badOption', { arg });
  }
  return options;
}

async function main(): Promise<void> {
  const running = await startPlayground(parseArgs(process.argv.slice(2)));
  for (const line of conversionWarnings(running.notes)) console.warn(line);
  console.log(cliText('listening', { url: running.url }));
  const stop = (): void => {
    void running.close().then(() => {
      console.log(cliText('stopped'));
      process.exit(0);
    });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  if (error instanceof StartError) console.error(cliText(error.key, error.params));
  else console.error(error);
  process.exit(1);
});
