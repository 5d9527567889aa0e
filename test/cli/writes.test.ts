/**
 * Every command that writes a file (render, import, export) refuses to write over its input,
 * by path or through a link, and never writes through a symbolic link at the target unless
 * told to (--follow-symlink). The input stays byte-identical; no temporary file is left.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { C3VOC, ROOT } from '../support/exchange';
import { runCli, type CliResult } from '../support/cli';

const EXAMPLE = path.join(ROOT, 'examples/lpc2021-vfio-iommu-pci.programme.yaml');
const SCHEDULE = path.join(C3VOC, 'frab-camp2019.json');

const run = (args: string[], cwd = ROOT): CliResult => runCli(args, { cwd });

interface Writer {
  name: string;
  source: string;
  args(input: string, out: string): string[];
  /** What the written output starts with. */
  written: RegExp;
}

const WRITERS: Writer[] = [
  { name: 'render', source: EXAMPLE, args: (input, out) => ['render', input, '-o', out], written: /^<!DOCTYPE html>/ },
  { name: 'export', source: EXAMPLE, args: (input, out) => ['export', input, '--to', 'ics', '-o', out], written: /^BEGIN:VCALENDAR/ },
  { name: 'import', source: SCHEDULE, args: (input, out) => ['import', input, '-o', out], written: /^programme: 1$/m },
];

/** A fresh folder with a copy of the writer's input in it. */
function setUp(w: Writer): { dir: string; input: string; bytes: Buffer } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `programme-${w.name}-`));
  const input = path.join(dir, path.basename(w.source));
  fs.copyFileSync(w.source, input);
  return { dir, input, bytes: fs.readFileSync(input) };
}

suite('Commands that write never destroy a file', () => {
  for (const w of WRITERS) {
    test(`${w.name} -o onto its own input (same path, another spelling, symbolic link, hard link): refused, exit 2, input byte-identical`, function () {
      this.timeout(60_000);
      const { dir, input, bytes } = setUp(w);
      fs.symlinkSync(input, path.join(dir, 'link'));
      fs.linkSync(input, path.join(dir, 'hard'));
      fs.mkdirSync(path.join(dir, 'sub'));
      fs.symlinkSync(dir, path.join(dir, 'sub', 'up'));
      const names = [input, path.join(dir, 'sub', '..', path.basename(input)), path.join(dir, 'sub', 'up', path.basename(input))];
      for (const out of names) {
        const r = run(w.args(input, out));
        assert.strictEqual(r.status, 2, `${out}: ${r.stderr}`);
        assert.match(r.stderr, /is the input .*: refusing to overwrite it/);
        assert.ok(fs.readFileSync(input).equals(bytes), `${w.name} -o ${out} changed its input`);
      }
      // Relative to the working folder.
      const relative = run(w.args(path.basename(input), path.basename(input)), dir);
      assert.strictEqual(relative.status, 2, relative.stderr);
      // Through a hard link: the same file under another name.
      const hard = run(w.args(input, path.join(dir, 'hard')));
      assert.strictEqual(hard.status, 2, hard.stderr);
      assert.match(hard.stderr, /is the input/);
      // Through a symbolic link, even when asked to follow it.
      for (const follow of [[], ['--follow-symlink']]) {
        const r = run([...w.args(input, path.join(dir, 'link')), ...follow]);
        assert.strictEqual(r.status, 2, r.stderr);
        assert.ok(fs.readFileSync(input).equals(bytes));
        assert.ok(fs.lstatSync(path.join(dir, 'link')).isSymbolicLink());
      }
      assert.deepStrictEqual(fs.readdirSync(dir).sort(), [path.basename(input), 'hard', 'link', 'sub'].sort(), 'no temporary file left');
    });

    test(`${w.name} -o onto a symbolic link: refused unless --follow-symlink, then the linked file is replaced whole`, function () {
      this.timeout(60_000);
      const { dir, input } = setUp(w);
      const other = path.join(dir, 'other.txt');
      fs.writeFileSync(other, 'keep me\n');
      fs.chmodSync(other, 0o640);
      const link = path.join(dir, 'out');
      fs.symlinkSync(other, link);
      const refused = run(w.args(input, link));
      assert.strictEqual(refused.status, 2, refused.stderr);
      assert.match(refused.stderr, /out: is a symbolic link: not written through it \(--follow-symlink/);
      assert.strictEqual(fs.readFileSync(other, 'utf8'), 'keep me\n');
      const followed = run([...w.args(input, link), '--follow-symlink']);
      // import exits 1 when it left something of the source out (listed on stderr), 0 otherwise: written either way.
      assert.ok(followed.status === 0 || (w.name === 'import' && followed.status === 1), followed.stderr);
      assert.ok(fs.lstatSync(link).isSymbolicLink(), 'the link stays a link');
      assert.match(fs.readFileSync(other, 'utf8'), w.written);
      assert.strictEqual(fs.statSync(other).mode & 0o777, 0o640, 'the replaced file keeps its permissions');
      assert.deepStrictEqual(fs.readdirSync(dir).sort(), [path.basename(input), 'other.txt', 'out'].sort(), 'no temporary file left');
    });
  }

  test('a folder or a missing folder as -o: a clear error, exit 2, nothing written', () => {
    const { dir, input } = setUp(WRITERS[1]);
    const folder = run(WRITERS[1].args(input, dir));
    assert.strictEqual(folder.status, 2);
    assert.match(folder.stderr, /: is a directory/);
    const missing = run(WRITERS[1].args(input, path.join(dir, 'no', 'such', 'out.ics')));
    assert.strictEqual(missing.status, 2);
    assert.match(missing.stderr, /out\.ics: cannot write: no such folder/);
    assert.deepStrictEqual(fs.readdirSync(dir), [path.basename(input)]);
  });
});
