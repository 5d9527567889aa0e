import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

const ROOT = path.resolve(__dirname, '../../..');

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sources(rel));
    else if (entry.name.endsWith('.ts')) out.push(rel);
  }
  return out;
}

/** Every relative module a file imports, resolved to a path from the repository root. */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
  return [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']*)'/g)].map((m) => path.join(path.dirname(file), m[1]));
}

suite('layers: the adapters enter the core only through its front door', () => {
  const core = path.join('server', 'src', 'core');
  for (const adapter of ['server/src/lsp', 'server/src/cli']) {
    test(`${adapter} imports nothing from the core but core/index.ts`, () => {
      const files = sources(adapter);
      assert.ok(files.length > 0);
      const reaching = files.flatMap((f) =>
        importsOf(f)
          .filter((target) => target.startsWith(core + path.sep))
          .map((target) => `${f} -> ${target}`),
      );
      assert.deepStrictEqual(reaching, []);
    });
  }

  /**
   * Tests meet the core as the adapters do, through its front door. These few reach an internal
   * on purpose: a unit that has no public face of its own.
   */
  const INTERNAL: Record<string, string[]> = {
    // The cursor's place in a half-typed document, tested alone.
    'test/unit/complete.test.ts': ['server/src/core/features/cursorContext'],
    // The tree's node type, to dump trees.
    'test/unit/incremental.test.ts': ['server/src/core/syntax/tree'],
    // The quick reader of the YAML subset, compared with yaml on leaves of the split.
    'test/unit/subset.test.ts': [
      'server/src/core/syntax/subset',
      'server/src/core/syntax/tree',
      'server/src/core/syntax/convert',
      'server/src/core/syntax/chunks',
    ],
    // The schedule view's limits, to test clipping.
    'test/unit/schedule.test.ts': ['server/src/core/schedule/schedule'],
    'test/unit/hostile.test.ts': ['server/src/core/schedule/schedule'],
    // Each export writer alone.
    'test/unit/exports.test.ts': ['server/src/core/exports/ics', 'server/src/core/exports/scheduleJson', 'server/src/core/exports/scheduleXml'],
  };
  test('test/ imports nothing from the core but core/index.ts, except the few internals listed', () => {
    const files = sources('test').filter((f) => !f.startsWith(path.join('test', 'e2e')));
    assert.ok(files.length > 0);
    const reaching = files.flatMap((f) =>
      importsOf(f)
        .filter((target) => target.startsWith(core + path.sep) && !(INTERNAL[f.split(path.sep).join('/')] ?? []).includes(target.split(path.sep).join('/')))
        .map((target) => `${f} -> ${target}`),
    );
    assert.deepStrictEqual(reaching, []);
  });
});

/**
 * What the core keeps lives in the programme service (one `DocumentState` per open document),
 * never at module level: no module-level `let`/`var`, and no module-level object made with
 * `new` (a Map, Set, WeakMap, cache class...) unless it is typed read-only. The pure memo
 * tables of model/time.ts (zone facts and parsed local times, the same for every document)
 * are the one exception.
 */
suite('layers: the core keeps no state at module level', () => {
  const EXCEPTED = new Set([path.join('server', 'src', 'core', 'model', 'time.ts')]);
  const READONLY = /^(Readonly(Map|Set)|ReadonlyArray)\b/;

  function moduleState(file: string): string[] {
    const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const found: string[] = [];
    const where = (node: ts.Node): string => `${file}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}`;
    for (const statement of source.statements) {
      if (!ts.isVariableStatement(statement)) continue;
      const list = statement.declarationList;
      if (!(list.flags & ts.NodeFlags.Const)) {
        found.push(`${where(statement)}: module-level ${list.flags & ts.NodeFlags.Let ? 'let' : 'var'}`);
        continue;
      }
      for (const d of list.declarations) {
        let init = d.initializer;
        while (init && (ts.isAsExpression(init) || ts.isSatisfiesExpression(init) || ts.isParenthesizedExpression(init))) init = init.expression;
        const typed = d.type ? d.type.getText(source) : '';
        if (init && ts.isNewExpression(init) && !READONLY.test(typed)) {
          found.push(`${where(d)}: module-level \`${d.name.getText(source)} = new ${init.expression.getText(source)}(...)\``);
        }
      }
    }
    return found;
  }

  test('no module-level let/var or collection filled at run time in server/src/core', () => {
    const files = sources(path.join('server', 'src', 'core')).filter((f) => !EXCEPTED.has(f));
    assert.ok(files.length > 20);
    assert.deepStrictEqual(files.flatMap(moduleState), []);
  });

  test('the check finds what it looks for', () => {
    const file = path.join('out', 'module-state-probe.ts');
    fs.mkdirSync(path.join(ROOT, 'out'), { recursive: true });
    fs.writeFileSync(
      path.join(ROOT, file),
      [
        'let last: object | undefined;',
        'const cache = new Map<string, number>();',
        'const seen = new WeakMap() as WeakMap<object, number>;',
        'const NONE: ReadonlyMap<string, number> = new Map();',
        'const WORDS = [1, 2];',
      ].join('\n'),
    );
    try {
      assert.deepStrictEqual(
        moduleState(file).map((s) => s.replace(/^[^:]*:/, '')),
        ['1: module-level let', '2: module-level `cache = new Map(...)`', '3: module-level `seen = new WeakMap(...)`'],
      );
    } finally {
      fs.rmSync(path.join(ROOT, file));
    }
  });
});
