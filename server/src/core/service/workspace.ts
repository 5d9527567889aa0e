/**
 * The programme service: what the language server, the CLI and tests create and own (in the
 * spirit of a language service). It holds the open programmes of its host, each with its own
 * `DocumentState` (parser leaves, schema and model readings, what the rules found) and its
 * latest analysis, computed on demand and only once per version. Closing a document drops all
 * of it. Two services, or two documents in one service, share nothing.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, Analysis, DocumentState } from './analysis';
import { sizeProblem, DEFAULT_MAX_FILE_MB } from './limits';
import { Problem } from './problem';
import type { Format } from '../schema/schema';
import { buildSchedule, ScheduleOptions } from '../schedule/schedule';
import { encodeScheduleDelta, ScheduleDeltaResult, ScheduleView } from '../../protocol';

export interface ProgrammeFile {
  document: TextDocument;
  /** The analysis of `document`'s current version, or a size problem when it is too large. */
  analysis: Analysis | undefined;
  tooLarge?: Problem;
}

interface Entry {
  state: DocumentState;
  version?: number;
  text?: string;
  limit?: number;
  file?: ProgrammeFile;
  /** The last schedule view handed out, for answering with a delta against it. */
  schedule?: ScheduleView;
}

export interface ProgrammeServiceOptions {
  /** The size limit (`programme.maxFileSize`, in megabytes) for a document. */
  maxFileMegabytes?: (uri: string) => number;
  /** Told when a check fails (the others still run). */
  onError?: (where: string, error: unknown) => void;
  /** The format documents are read with: the programme format unless given. */
  format?: Format;
}

export class ProgrammeService {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly options: ProgrammeServiceOptions = {}) {}

  /** The analysed file for this version of the document (analysing it if not yet done). */
  get(document: TextDocument): ProgrammeFile {
    let entry = this.entries.get(document.uri);
    if (!entry) this.entries.set(document.uri, (entry = { state: new DocumentState(this.options.format) }));
    const limit = this.options.maxFileMegabytes?.(document.uri) ?? DEFAULT_MAX_FILE_MB;
    if (entry.file && entry.version === document.version && entry.text === document.getText() && entry.limit === limit) {
      if (entry.file.document !== document) entry.file = { ...entry.file, document };
      return entry.file;
    }
    const text = document.getText();
    const tooLarge = sizeProblem(text, limit);
    const file: ProgrammeFile = tooLarge
      ? { document, analysis: undefined, tooLarge }
      : { document, analysis: analyze(text, entry.state, this.options.onError) };
    entry.version = document.version;
    entry.text = text;
    entry.limit = limit;
    entry.file = file;
    return file;
  }

  /**
   * The schedule view of this version of the document, built from the parts its last view
   * kept. `have`: the version whose view the asker holds; when it is the last view handed out,
   * the answer is a delta against it (protocol.ts).
   */
  schedule(document: TextDocument, options: Omit<ScheduleOptions, 'cache' | 'uri' | 'version'>, have?: number): ScheduleDeltaResult {
    const file = this.get(document);
    const entry = this.entries.get(document.uri)!;
    const view = buildSchedule(
      file.analysis,
      { ...options, uri: document.uri, version: document.version, cache: entry.state.schedule },
      file.tooLarge?.message,
    );
    const last = entry.schedule;
    entry.schedule = view;
    return (have !== undefined && last?.version === have && last.uri === view.uri && encodeScheduleDelta(view, last)) || view;
  }

  /** The last analysed file of a URI, whatever its version. */
  last(uri: string): ProgrammeFile | undefined {
    return this.entries.get(uri)?.file;
  }

  /** Forgets the document and everything kept for it. */
  close(uri: string): void {
    this.entries.delete(uri);
  }

  /** The URIs of the documents the service holds state for. */
  open(): string[] {
    return [...this.entries.keys()];
  }
}

/** A programme service for one host (the language server, a CLI run, a test). */
export function createProgrammeService(options: ProgrammeServiceOptions = {}): ProgrammeService {
  return new ProgrammeService(options);
}
