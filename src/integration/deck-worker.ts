// One deck-conversion worker: runs marp-cli over its share of the decks, once
// per output format, and reports each file as it is written. It runs in its
// own thread because marp-cli keeps one browser per module instance: two
// threads give two Chromiums working in parallel. marp-cli's own --parallel
// shares one Chromium, and with Chromium 156 its PPTX screenshots then time
// out (Page.captureScreenshot), so each worker converts one deck at a time.
import { basename } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { marpCli } from '@marp-team/marp-cli';

export interface DeckWorkerInput {
  /** Folder holding this worker's expanded decks. */
  inputDir: string;
  /** The site's decks/ folder. */
  outputDir: string;
  /** marp-cli options every conversion shares (theme, HTML, browser). */
  sharedArgs: string[];
  /** The format options of each marp-cli run, in order ([] is the bespoke HTML). */
  conversions: string[][];
}

export type DeckWorkerMessage = { kind: 'written'; file: string } | { kind: 'warning'; message: string } | { kind: 'failed'; message: string };

const input = workerData as DeckWorkerInput;
const post = (message: DeckWorkerMessage) => parentPort!.postMessage(message);

// marp-cli logs through console.warn ("[  INFO ] a.md => a.pdf", "[  WARN ] ...")
// and console.error; the lines become progress messages, warnings passed on
// to the build's log, and the error text of a failed run. Other INFO lines
// ("Converting 3 markdowns...") are dropped as noise.
const plain = (parts: unknown[]) => parts.join(' ').replace(/\u001b\[[0-9;]*m/g, '').trim();
const errors: string[] = [];
console.warn = (...parts: unknown[]) => {
  const line = plain(parts);
  const written = / => (.+)$/.exec(line);
  if (written) post({ kind: 'written', file: basename(written[1]!) });
  // marp-cli warns of --allow-local-files on every deck; the portal passes it on purpose, for the deck's own images.
  else if (/^\[\s*WARN\s*\]/.test(line) && !/Insecure local file accessing/.test(line)) post({ kind: 'warning', message: line.replace(/^\[\s*WARN\s*\]\s*/, '') });
};
console.error = (...parts: unknown[]) => errors.push(plain(parts).replace(/^\[\s*ERROR\s*\]\s*/, ''));

for (const format of input.conversions) {
  // The API throws on a failed conversion; the CLI's own error lines say more than the exception.
  const failure = await marpCli(['--input-dir', input.inputDir, '--output', input.outputDir, '--parallel', '1', ...input.sharedArgs, ...format]).then(
    (code) => (code === 0 ? undefined : `marp-cli exited with code ${code}`),
    (error: unknown) => (error instanceof Error ? error.message : String(error)),
  );
  if (failure !== undefined) {
    post({ kind: 'failed', message: errors.join('\n') || failure });
    break;
  }
}
