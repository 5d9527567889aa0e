/**
 * The `yaml` package's documents for a text, composed only from a syntax tree (CST) no deeper
 * than `CUT_DEPTH` collections. The package reads the text without recursion but composes its
 * documents recursively, and a document nested thousands of levels deep takes that recursion
 * to the end of the stack, where V8 aborts the whole process if it must first compile a
 * regular expression there ("RegExpCompiler Allocation failed"). Collections deeper than the
 * cut are dropped before composing; convert.ts reports nesting past its own, lower limit.
 */
import { Composer, CST, Document, LineCounter, Parser, YAMLParseError } from 'yaml';
import { MAX_DEPTH } from './convert';

export const PARSE_OPTIONS = { uniqueKeys: false, prettyErrors: false, strict: true } as const;

/** Deeper collections are cut: well past `MAX_DEPTH`, well short of the stack's end. */
const CUT_DEPTH = MAX_DEPTH * 4;

/** The CST of `text`, with collections nested deeper than the cut taken out (`cut`: whether any was). */
export function shallowTokens(text: string, lines?: LineCounter): { tokens: CST.Token[]; cut: boolean } {
  const tokens = Array.from(new Parser(lines?.addNewLine).parse(text));
  let cut = false;
  const stack: [CST.Token, number][] = tokens.map((t): [CST.Token, number] => [t, 0]);
  while (stack.length) {
    const [token, depth] = stack.pop()!;
    if (token.type === 'document') {
      if (token.value) stack.push([token.value, depth]);
      continue;
    }
    if (!isCollection(token)) continue;
    for (const item of token.items as { key?: CST.Token | null; value?: CST.Token }[]) {
      for (const field of ['key', 'value'] as const) {
        const child = item[field];
        if (!child || !isCollection(child)) continue;
        if (depth + 1 > CUT_DEPTH) {
          item[field] = undefined;
          cut = true;
        } else stack.push([child, depth + 1]);
      }
    }
  }
  return { tokens, cut };
}

function isCollection(token: CST.Token): token is CST.BlockMap | CST.BlockSequence | CST.FlowCollection {
  return token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection';
}

/** `yaml`'s one document for `text` (a second one is an error in it), as its `parseDocument` gives. */
export function yamlDocument(text: string): Document.Parsed {
  const { tokens } = shallowTokens(text);
  let doc: Document.Parsed | undefined;
  for (const next of new Composer(PARSE_OPTIONS).compose(tokens, true, text.length)) {
    if (!doc) doc = next;
    else {
      doc.errors.push(
        new YAMLParseError([next.range[0], next.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'),
      );
      break;
    }
  }
  return doc!;
}
