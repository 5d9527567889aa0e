/**
 * The programme language service: everything the language server and the CLI know about
 * programme files, with no dependency on LSP transport, VS Code or the file system.
 *
 * Entry points:
 * - {@link ProgrammeWorkspace}: open documents, each analysed once per version, incrementally.
 * - {@link analyze}: one text to tree, model and problems.
 * - {@link toDiagnostics}: problems as LSP diagnostics with the user's severities.
 */
export { ProgrammeWorkspace, type ProgrammeFile, type WorkspaceOptions } from './workspace';
export { analyze, type Analysis } from './analysis';
export { toDiagnostics, type SeverityMap } from './diagnostics';
export { CODES, type Code, type Problem, type Severity } from './problem';
export { ProgrammeParser, parseWhole, type Syntax } from './parse';
export type { Model, Slot, Track, Person, Room, Topic, Session, EventInfo } from './model';
