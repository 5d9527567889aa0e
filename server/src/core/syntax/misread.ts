/**
 * Text that YAML misreads, explained in plain words with a quick fix that quotes it: a title
 * like `Rust in the kernel: where are we?` (a `: ` starts a mapping), `*nix tools` (an alias),
 * `[WIP] Rust` (a list), `@home` (a reserved character), `true` (a boolean). The parser's own
 * messages ("Nested mappings are not allowed in compact mappings") are about YAML, not about
 * the title the user meant; this turns each such problem on a `key: value` line into one
 * problem that says what happened and offers the quoted value.
 */
import { Problem } from '../service/problem';
import { needsQuotes, quoteText } from './quote';
import { lineStart as startOfLine } from './lines';

/** `key: value` on one line (after any `- ` markers); the value is not quoted or a block. */
const LINE = /^(\s*(?:-[ \t]+)*)([A-Za-z0-9_][\w-]*)[ \t]*:[ \t]+(?![|>]([-+0-9]*)?[ \t]*(#.*)?$)(?=[^\s"'])(.*?)[ \t]*$/;

/** Keys whose values are free text (titles, names, descriptions), where misreads happen. */
const TEXT_KEYS: ReadonlySet<string> = new Set(['title', 'name', 'affiliation', 'honorific', 'venue', 'abstract', 'description']);

interface Misread {
  why: string;
  /** What the user most likely meant, as written. */
  meant: string;
  start: number;
  end: number;
}

/** Why `value` (the rest of a line after `key: `) is not read as the text it looks like. */
function why(value: string, message: string): { why: string; meant: string } | undefined {
  // A trailing comment after two spaces or more is a comment the user meant.
  const meant = value.replace(/[ \t]{2,}#.*$/, '');
  const first = meant[0];
  if (/: /.test(meant) || /:$/.test(meant)) return { why: 'a `: ` inside a plain value starts a mapping', meant };
  if (first === '*' && /^\*\S+\s+\S/.test(meant)) return { why: 'a `*` at the start of a value makes it an alias (a reference to an `&` anchor)', meant };
  if (first === '&' && /^&\S+\s+\S/.test(meant)) return { why: 'a `&` at the start of a value makes it an anchor name, not text', meant };
  if (first === '!') return { why: 'a `!` at the start of a value makes it a YAML tag, not text', meant };
  if (first === '@') return { why: 'a plain value cannot start with `@`', meant };
  if (first === '`') return { why: 'a plain value cannot start with a backtick', meant };
  if (first === '[' && /^\[[^\]]*\]\s*[^\s#]/.test(meant)) return { why: 'a `[` at the start of a value opens a list', meant };
  if (first === '{' && /^\{[^}]*\}\s*[^\s#]/.test(meant)) return { why: 'a `{` at the start of a value opens a mapping', meant };
  if (first === '%') return { why: 'a `%` at the start of a value is a YAML directive', meant };
  const typed = /not (the boolean \w+|the number \S+|a list|a mapping)/.exec(message);
  if (typed && !/ #/.test(meant)) return { why: `\`${meant}\` is read as ${typed[1].replace(/^the /, 'a ').replace(/ (true|false|\S+)$/, '')}`, meant };
  if (/has no value/.test(message) && /^(null|Null|NULL|~)$/.test(meant)) return { why: `\`${meant}\` is read as no value at all`, meant };
  return undefined;
}

function misreadAt(text: string, p: Problem): Misread | undefined {
  const lineStart = startOfLine(text, p.start);
  let lineEnd = text.indexOf('\n', p.start);
  if (lineEnd < 0) lineEnd = text.length;
  const line = text.slice(lineStart, lineEnd).replace(/\r$/, '');
  const m = LINE.exec(line);
  if (!m || !TEXT_KEYS.has(m[2])) return undefined;
  const value = m[5];
  const valueStart = lineStart + line.replace(/[ \t]+$/, '').length - value.length;
  if (p.start < valueStart) return undefined;
  const reason = why(value, p.message);
  if (!reason || !needsQuotes(reason.meant)) return undefined;
  return { ...reason, start: valueStart, end: valueStart + reason.meant.length };
}

/**
 * `problems` with those caused by misread text on a `key: value` line replaced by one problem
 * per line, in plain words, with the quoted value as its fix. Other problems are unchanged.
 */
export function explainMisreads(text: string, problems: Problem[]): Problem[] {
  const out: Problem[] = [];
  const lines = new Map<number, Problem>();
  for (const p of problems) {
    const candidate = p.code === 'yaml-syntax' || (p.code === 'schema' && /must be text|has no value/.test(p.message));
    const m = candidate ? misreadAt(text, p) : undefined;
    if (!m) {
      out.push(p);
      continue;
    }
    if (lines.has(m.start)) continue;
    const key = keyOf(text, m.start);
    const quoted = quoteText(m.meant);
    // A schema message already says what the value is read as; it gains the fix.
    const explained: Problem = {
      code: p.code === 'schema' ? 'schema' : 'yaml-syntax',
      message: p.code === 'schema' ? p.message : `${m.why}: quote the ${key} (\`${quoted}\`)`,
      start: m.start,
      end: m.end,
      data: { fix: 'replace', replacement: quoted, title: `Quote the ${key}` },
    };
    lines.set(m.start, explained);
    out.push(explained);
  }
  return out;
}

/** Whether the text just before `start` ends in `&name` and blanks (an anchor on the value). */
function mayFollowAnchor(text: string, start: number): boolean {
  const blank = (i: number): boolean => text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9;
  let i = start - 1;
  if (!blank(i)) return false;
  while (i >= 0 && blank(i)) i--;
  // The anchor must follow `:` and blanks, so a blank stops the run before any other space.
  let j = i;
  while (j >= 0 && !blank(j) && text.charCodeAt(j) !== 10 && text.charCodeAt(j) !== 13) j--;
  return j < i && text.charCodeAt(j + 1) === 38;
}

function keyOf(text: string, valueStart: number): string {
  const lineStart = startOfLine(text, valueStart);
  return LINE.exec(text.slice(lineStart, valueStart) + 'x')?.[2] ?? 'value';
}

/**
 * `misread-text`: a title or name YAML cut short without an error: ` #` starts a comment
 * (`Learn C #rust` is read as `Learn C`), a leading `&name ` is an anchor (`&co talk` is read
 * as `talk`). Only a comment one space after the text counts (two or more spaces before a
 * `#` are how comments are written). `node` is a title or name value; `key` names it.
 */
export function misreadText(text: string, node: { start: number; end: number; kind: string }, key: string): Problem | undefined {
  if (node.kind !== 'scalar') return undefined;
  // Most values are neither followed by ` #` nor preceded by `&name `: skip them before
  // slicing lines and building patterns, since this runs over every title on every edit.
  if (!text.startsWith(' #', node.end) && !mayFollowAnchor(text, node.start)) return undefined;
  const lineStart = startOfLine(text, node.start);
  let lineEnd = text.indexOf('\n', node.end);
  if (lineEnd < 0) lineEnd = text.length;
  const before = text.slice(lineStart, node.start);
  const after = text.slice(node.end, lineEnd).replace(/\r$/, '');
  const own = text.slice(node.start, node.end);
  if (/^["']/.test(own) || !new RegExp(`(^|[\\s-])${key}[ \\t]*:[ \\t]`).test(before)) return undefined;
  let meant: string | undefined,
    why = '',
    start = node.start;
  const anchor = /:[ \t]+(&\S+[ \t]+)$/.exec(before);
  if (anchor) {
    start = node.start - anchor[1].length;
    meant = anchor[1] + own;
    why = `a \`&\` at the start of a value makes \`${anchor[1].trim()}\` an anchor name, and the ${key} is read as \`${own}\``;
  } else if (/^ #/.test(after)) {
    meant = own + after.trimEnd();
    why = `\` #\` starts a comment, so the ${key} is read as \`${own}\``;
  }
  if (meant === undefined || !needsQuotes(meant)) return undefined;
  const quoted = quoteText(meant);
  return {
    code: 'misread-text',
    message: `${why}: quote the ${key} if the rest belongs to it (\`${quoted}\`)`,
    start,
    end: start + meant.length,
    data: { fix: 'replace', replacement: quoted, title: `Quote the ${key}` },
  };
}

/**
 * `misreadText` as a problem to be made when reported, from the node's position then: what it
 * finds lies on the node's own lines, which do not change while the node is kept (parse.ts),
 * so it can be kept with the node while the node moves.
 */
export function misreadTextLater(text: string, node: { start: number; end: number; kind: string }, key: string): (() => Problem) | undefined {
  const found = misreadText(text, node, key);
  if (!found) return undefined;
  const offset = found.start - node.start;
  const length = found.end - found.start;
  const { code, message, data } = found;
  return () => ({ code, message, start: node.start + offset, end: node.start + offset + length, data: data && { ...data } });
}
