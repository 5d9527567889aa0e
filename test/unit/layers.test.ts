import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

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
      const reaching = files.flatMap((f) => importsOf(f).filter((target) => target.startsWith(core + path.sep)).map((target) => `${f} -> ${target}`));
      assert.deepStrictEqual(reaching, []);
    });
  }
});
