/**
 * One programme text, analysed: syntax tree, schema problems, resolved model and the problems
 * of every check, in document order. Incremental through the document state it is given.
 */
import { ProgrammeParser, Syntax } from '../syntax/parse';
import type { Changed } from '../syntax/change';
import { FORMAT, Format, SchemaCache, validate } from '../schema/schema';
import { buildModel, Model, ModelCache, Person } from '../model/model';
import { runRules } from '../rules';
import { RuleMemo } from '../rules/memo';
import { ScheduleCache } from '../schedule/schedule';
import { Problem } from './problem';
import { Node } from '../syntax/tree';
import { withConflictMarkers } from '../syntax/conflictMarkers';
import { explainMisreads, misreadText, misreadTextLater } from '../syntax/misread';
import { get } from '../syntax/tree';

export interface Analysis {
  /** The format the text was read with (its shape and schema): features read it from here. */
  format: Format;
  text: string;
  syntax: Syntax;
  model: Model;
  /** Value nodes the schema rejected. */
  invalid: ReadonlySet<Node>;
  /** Every problem, sorted by position. */
  problems: Problem[];
  /** Offset of the first YAML syntax error, if any: what follows may be misparsed. */
  syntaxErrorAt?: number;
}

/**
 * Everything one document keeps from one analysis to the next, and the only place the core
 * keeps anything: the parser's leaves, the schema's and the model's readings per node, what
 * the rules found, the parts of the schedule view. The service (workspace.ts) holds one per open document and drops it when
 * the document closes; no module of the core keeps state of its own.
 */
export class DocumentState {
  readonly parser: ProgrammeParser;
  readonly schema = new SchemaCache();
  readonly model = new ModelCache();
  readonly rules = new RuleMemo();
  /** The schedule view's parts, by the model objects they show (schedule/schedule.ts). */
  readonly schedule = new ScheduleCache();
  /** What `misread-text` found, by the track or people it was found in. */
  readonly misread = new MisreadCache();

  /** `format`: the programme format unless a service is given another. */
  constructor(readonly format: Format = FORMAT) {
    this.parser = new ProgrammeParser(format.shape);
  }
}

/**
 * Analyses `text`, reusing what `state` kept from the document's last analysis (a fresh state
 * when none is given). The result is the same as a fresh analysis of the same text. `since`:
 * what changed since the text of the last analysis, when the caller knows (else it is found).
 */
export function analyze(
  text: string,
  state: DocumentState = new DocumentState(),
  onError?: (where: string, error: unknown) => void,
  since?: Changed,
): Analysis {
  const syntax = state.parser.parse(text, since);
  const schema = validate(syntax.root, text, state.schema, state.format);
  const model = buildModel(syntax.root, schema.invalid, state.model, state.format.shape);
  const syntaxErrors = syntax.problems.filter((p) => p.code === 'yaml-syntax' && p.severity !== 'warning');
  const firstError = syntaxErrors.reduce<Problem | undefined>((a, p) => (!a || p.start < a.start ? p : a), undefined);
  let problems: Problem[];
  if (!firstError) {
    problems = [
      ...syntax.problems,
      ...schema.problems,
      ...model.problems,
      ...runRules(model, state.rules, onError),
      ...misreadTexts(text, model, state.misread),
    ];
  } else {
    // After a syntax error the parser's guess at the structure is often wrong, and one error
    // tends to set off others. One mistake, one diagnostic: report the first syntax error,
    // and only those other problems that lie wholly before it. Checks that look at the
    // programme as a whole (overlaps, unused people) wait until it parses.
    const at = firstError.start;
    const before = (p: Problem): boolean => (p.scopeEnd ?? p.end) < at;
    // A key whose value the syntax error swallowed (a tab on the next line empties a mapping):
    // nothing but the colon, blanks and comments lies between it and the error. Its `schema`
    // error ("has no value") is the syntax error's doing, not a second mistake.
    const emptied = (p: Problem): boolean => /^:?(?:\s|#[^\n]*)*$/.test(text.slice(p.end, at));
    problems = [
      firstError,
      ...syntax.problems.filter((p) => p !== firstError && (p.code === 'duplicate-key' || p.severity === 'warning') && before(p)),
      ...schema.problems.filter((p) => before(p) && !emptied(p)),
      ...model.problems.filter(before),
    ];
  }
  problems = explainMisreads(text, problems);
  // When the text was split, every line at column 0 is a plain `key:` (chunks.ts): no conflict
  // marker can be there, and looking for one would scan the whole text on every edit.
  if (syntax.whole) problems = withConflictMarkers(text, problems);
  problems.sort((a, b) => a.start - b.start || a.end - b.end || a.code.localeCompare(b.code) || a.message.localeCompare(b.message));
  return { format: state.format, text, syntax, model, invalid: schema.invalid, problems, syntaxErrorAt: firstError?.start };
}

/** What `misreadTexts` found in a track (its title and its slots') or in the people, kept with them. */
export class MisreadCache {
  /** By track, person, or people map. */
  readonly byObject = new WeakMap<object, (() => Problem)[]>();
  /** The people last looked at, with what was found for each. */
  people?: { people: Person[]; found: (() => Problem)[][] };
}

/**
 * `misread-text` over the titles and names in the model, where text is most often cut short by
 * a ` #` or `&`. What a track or the people hold is looked at again only when they changed (a
 * kept Track or people Map has the same nodes, hence the same lines).
 */
export function misreadTexts(text: string, model: Model, cache: MisreadCache): Problem[] {
  const out: Problem[] = [];
  const look = (into: (() => Problem)[], node: Node | null | undefined, key: string): void => {
    const found = node ? misreadTextLater(text, node, key) : undefined;
    if (found) into.push(found);
  };
  const kept = (owner: object, find: (into: (() => Problem)[]) => void): void => {
    let found = cache.byObject.get(owner);
    if (!found) {
      find((found = []));
      cache.byObject.set(owner, found);
    }
    for (const report of found) out.push(report());
  };
  const event = get(model.event.node, 'title');
  if (event) {
    const found = misreadText(text, event, 'title');
    if (found) out.push(found);
  }
  // The people as a whole while their section is unchanged, else person by person (those in
  // the same place as last time as they were, without a look-up).
  kept(model.people, (into) => {
    const last = cache.people;
    const people = [...model.people.values()];
    const found = people.map((p, i) => {
      if (last?.people[i] === p) return last.found[i];
      let own = cache.byObject.get(p);
      if (!own) {
        look((own = []), get(p.node, 'name'), 'name');
        cache.byObject.set(p, own);
      }
      return own;
    });
    cache.people = { people, found };
    for (const reports of found) for (const report of reports) into.push(report);
  });
  for (const t of model.tracks.values()) {
    kept(t, (into) => {
      look(into, get(t.node, 'title'), 'title');
      for (const s of t.slots) look(into, s.titleNode, 'title');
    });
  }
  return out;
}
