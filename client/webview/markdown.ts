/**
 * Markdown to DOM nodes, never to an HTML string: markdown-it (raw HTML off) parses the source
 * into tokens, and only known tags are created, with text set through `textContent`. Links
 * keep only http, https and mailto targets; anything else becomes plain text.
 */
import MarkdownIt from 'markdown-it';

type Token = ReturnType<InstanceType<typeof MarkdownIt>['parse']>[number];

const md = new MarkdownIt({ html: false, linkify: true, typographer: false });
md.validateLink = (url: string): boolean => safeHref(url) !== undefined;

const BLOCK_TAGS = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'blockquote',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'em',
  'strong',
  's',
]);

/** The URL if it is http(s) or mailto, else undefined. */
export function safeHref(raw: string): string | undefined {
  const url = raw.trim();
  if (!/^(https?:\/\/|mailto:)/i.test(url)) return undefined;
  try {
    const parsed = new URL(url);
    return ['http:', 'https:', 'mailto:'].includes(parsed.protocol) ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

export interface LinkOptions {
  /** Called instead of following the link (the webview asks the host to open it). */
  onLink?: (href: string) => void;
}

/** A link element for a safe URL, plain text for any other. */
export function link(text: string, href: string, options: LinkOptions): HTMLElement {
  const safe = safeHref(href);
  if (!safe) {
    const span = document.createElement('span');
    span.textContent = text;
    return span;
  }
  const a = document.createElement('a');
  a.textContent = text;
  decorateLink(a, safe, options);
  return a;
}

function decorateLink(a: HTMLAnchorElement, href: string, options: LinkOptions): void {
  a.href = href;
  a.rel = 'noopener noreferrer';
  a.target = '_blank';
  a.title = href;
  if (options.onLink) {
    const onLink = options.onLink;
    a.addEventListener('click', (e) => {
      e.preventDefault();
      onLink(href);
    });
  }
}

/** Renders `source` as Markdown into a new `div.markdown`. Bounded by the source length. */
export function renderMarkdown(source: string, options: LinkOptions = {}): HTMLElement {
  const root = document.createElement('div');
  root.className = 'markdown';
  let tokens: Token[];
  try {
    tokens = md.parse(source, {});
  } catch {
    root.textContent = source;
    return root;
  }
  walk(tokens, root, options);
  return root;
}

function walk(tokens: Token[], root: HTMLElement, options: LinkOptions): void {
  const stack: HTMLElement[] = [root];
  const top = (): HTMLElement => stack[stack.length - 1];
  for (const t of tokens) {
    if (t.type === 'inline') {
      walk(t.children ?? [], top(), options);
    } else if (t.nesting === 1) {
      const el = openTag(t, options);
      top().append(el);
      stack.push(el);
    } else if (t.nesting === -1) {
      if (stack.length > 1) stack.pop();
    } else {
      const node = leaf(t);
      if (node) top().append(node);
    }
  }
}

function openTag(t: Token, options: LinkOptions): HTMLElement {
  if (t.type === 'link_open') {
    const href = safeHref(String(t.attrGet('href') ?? ''));
    if (!href) return document.createElement('span');
    const a = document.createElement('a');
    decorateLink(a, href, options);
    return a;
  }
  if (BLOCK_TAGS.has(t.tag)) {
    // Headings inside a description sit under the preview's own headings.
    const tag = /^h[1-6]$/.test(t.tag) ? `h${Math.min(6, Number(t.tag[1]) + 3)}` : t.tag;
    return document.createElement(tag);
  }
  return document.createElement('span');
}

function leaf(t: Token): Node | undefined {
  switch (t.type) {
    case 'text':
    case 'html_inline':
    case 'html_block':
      return document.createTextNode(t.content);
    case 'softbreak':
      return document.createTextNode('\n');
    case 'hardbreak':
      return document.createElement('br');
    case 'hr':
      return document.createElement('hr');
    case 'code_inline': {
      const code = document.createElement('code');
      code.textContent = t.content;
      return code;
    }
    case 'code_block':
    case 'fence': {
      const pre = document.createElement('pre');
      const code = document.createElement('code');
      code.textContent = t.content;
      pre.append(code);
      return pre;
    }
    case 'image':
      return document.createTextNode(t.content || String(t.attrGet('alt') ?? ''));
    default:
      return t.content ? document.createTextNode(t.content) : undefined;
  }
}
