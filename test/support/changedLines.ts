/**
 * The lines two texts differ in, between their common first and last lines: each removed line
 * as `-line`, then each added one as `+line`. What a minimal edit must show: one or two lines.
 * Pure, so that both the unit tests and the e2e suite (in the editor) can use it.
 */
export function changedLines(before: string, after: string): string[] {
  const a = before.split('\n'),
    b = after.split('\n');
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  let ja = a.length - 1,
    jb = b.length - 1;
  while (ja >= i && jb >= i && a[ja] === b[jb]) {
    ja--;
    jb--;
  }
  return [...a.slice(i, ja + 1).map((l) => `-${l}`), ...b.slice(i, jb + 1).map((l) => `+${l}`)];
}
