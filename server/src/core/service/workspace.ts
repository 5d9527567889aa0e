/**
 * The open programmes of one host (the language server, the CLI, a test): each document's
 * text, its incremental parser and its latest analysis, computed on demand and only once per
 * version.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ProgrammeParser } from '../syntax/parse';
import { analyze, Analysis } from './analysis';
import { sizeProblem, DEFAULT_MAX_FILE_MB } from './limits';
import { Problem } from './problem';

export interface ProgrammeFile {
  document: TextDocument;
  /** The analysis of `document`'s current version, or a size problem when it is too large. */
  analysis: Analysis | undefined;
  tooLarge?: Problem;
}

interface Entry {
  parser: ProgrammeParser;
  version?: number;
  text?: string;
  limit?: number;
  file?: ProgrammeFile;
}

export interface WorkspaceOptions {
  maxFileMegabytes?: (uri: string) => number;
  onError?: (where: string, error: unknown) => void;
}

export class ProgrammeWorkspace {
  private entries = new Map<string, Entry>();

  constructor(private readonly options: WorkspaceOptions = {}) {}

  /** The analysed file for this version of the document (analysing it if not yet done). */
  get(document: TextDocument): ProgrammeFile {
    let entry = this.entries.get(document.uri);
    if (!entry) this.entries.set(document.uri, (entry = { parser: new ProgrammeParser() }));
    const limit = this.options.maxFileMegabytes?.(document.uri) ?? DEFAULT_MAX_FILE_MB;
    if (entry.file && entry.version === document.version && entry.text === document.getText() && entry.limit === limit) {
      entry.file.document = document;
      return entry.file;
    }
    const text = document.getText();
    const tooLarge = sizeProblem(text, limit);
    const file: ProgrammeFile = tooLarge
      ? { document, analysis: undefined, tooLarge }
      : { document, analysis: analyze(text, entry.parser, this.options.onError) };
    entry.version = document.version;
    entry.text = text;
    entry.limit = limit;
    entry.file = file;
    return file;
  }

  /** The last analysed file of a URI, whatever its version. */
  last(uri: string): ProgrammeFile | undefined {
    return this.entries.get(uri)?.file;
  }

  close(uri: string): void {
    this.entries.delete(uri);
  }
}
