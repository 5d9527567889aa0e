/**
 * One programme text, analysed: syntax tree, schema problems, resolved model and the problems
 * of every check, in document order. Incremental through the parser it is given.
 */
import { ProgrammeParser, Syntax } from './parse';
import { validate } from './schema';
import { buildModel, Model } from './model';
import { runRules } from './rules';
import { Problem } from './problem';
import { Node } from './tree';

export interface Analysis {
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

export function analyze(text: string, parser: ProgrammeParser = new ProgrammeParser(), onError?: (where: string, error: unknown) => void): Analysis {
  const syntax = parser.parse(text);
  const schema = validate(syntax.root, text);
  const model = buildModel(syntax.root, schema.invalid);
  const checks = runRules(model, onError);
  const syntaxErrors = syntax.problems.filter((p) => p.code === 'yaml-syntax' && p.severity !== 'warning');
  const syntaxErrorAt = syntaxErrors.length ? Math.min(...syntaxErrors.map((p) => p.start)) : undefined;
  let problems = [...syntax.problems, ...schema.problems, ...model.problems, ...checks];
  if (syntaxErrorAt !== undefined) {
    // After a syntax error the parser's guess at the structure is often wrong: one mistake,
    // one diagnostic, so later consequences are not reported.
    problems = problems.filter((p) => p.code === 'yaml-syntax' || p.code === 'duplicate-key' || p.start < syntaxErrorAt);
  }
  problems.sort((a, b) => a.start - b.start || a.end - b.end || a.code.localeCompare(b.code) || a.message.localeCompare(b.message));
  return { text, syntax, model, invalid: schema.invalid, problems, syntaxErrorAt };
}
