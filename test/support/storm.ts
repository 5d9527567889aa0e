/**
 * A seeded edit storm on a document that can only be parsed whole (a `%YAML` directive and a
 * tab): edits grow it by blocks of people (to about 2.7 MB after 400 edits) or type into a
 * name, while hover, completion and outline requests are sent without waiting for answers.
 * Shared by the storm test (test/lsp/storm.test.ts) and the benchmark.
 */
import type { Position } from 'vscode-languageserver-protocol';
import type { LspClient } from './lspClient';
import { random } from '../../bench/generate';

export interface StormResult {
  /** The document's text after the last edit, and its version. */
  text: string;
  version: number;
  /** Every request sent and how long its answer took (ms). */
  waits: { method: string; ms: number }[];
  /** How many requests were sent. */
  sent: number;
  /** Each hover sent: the text it was sent for, where, and its answer. */
  hovers: { text: string; position: Position; result: unknown }[];
}

export function positionOf(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** About 6.7 KB of people. */
function people(edit: number): string {
  let out = '';
  for (let j = 0; j < 60; j++) out += `  storm-${edit}-${j}:\n    name: Person ${j} of edit ${edit} with a long enough name to weigh\n    affiliation: Storm\n`;
  return out;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Opens `start` (with a directive and a tab put before it) at `uri` and runs the storm; a request every `every` edits. */
export async function runStorm(client: LspClient, uri: string, start: string, options: { edits: number; seed: number; every?: number }): Promise<StormResult> {
  const next = random(options.seed);
  const every = options.every ?? 8;
  let text = `%YAML 1.2\n---\n#\ta comment with a tab\n${start}`;
  await client.open(uri, text);
  const waits: { method: string; ms: number }[] = [];
  const hovers: StormResult['hovers'] = [];
  const pending: Promise<void>[] = [];
  let version = 1;
  for (let i = 0; i < options.edits; i++) {
    // Mostly a block of people after `people:`; sometimes a character typed into a name.
    const typed = next() < 0.3;
    const at = typed ? text.indexOf('\n', text.indexOf('    name: ', Math.floor(next() * text.length * 0.9))) : text.indexOf('people:\n') + 'people:\n'.length;
    const insert = typed ? 'x' : people(i);
    const position = positionOf(text, at);
    text = text.slice(0, at) + insert + text.slice(at);
    version = await client.change(uri, [{ range: { start: position, end: position }, text: insert }]);
    if (i % every === every - 1) {
      const method = ['textDocument/hover', 'textDocument/completion', 'textDocument/documentSymbol'][Math.floor(i / every) % 3];
      const where = positionOf(text, text.indexOf('speakers: [') + 'speakers: ['.length);
      const sent = Date.now();
      const textThen = text;
      pending.push(
        client.request(method, { textDocument: { uri }, position: where }).then((result) => {
          waits.push({ method, ms: Date.now() - sent });
          if (method === 'textDocument/hover') hovers.push({ text: textThen, position: where, result });
        }),
      );
    }
    await sleep(next() * 20);
  }
  await Promise.all(pending);
  return { text, version, waits, sent: pending.length, hovers };
}
