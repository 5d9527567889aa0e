// `node:assert/strict` for the web worker extension host, where there is no Node: the few
// assertions the end-to-end tests use, with Node's messages' shape. The web build maps
// `node:assert/strict` (and `assert`) here.

export class AssertionError extends Error {
  override name = 'AssertionError';
  constructor(
    message: string,
    readonly actual?: unknown,
    readonly expected?: unknown,
    readonly operator?: string,
  ) {
    super(message);
  }
}

function show(value: unknown): string {
  try {
    return typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  } catch {
    return String(value);
  }
}

function fail(message: string | Error | undefined, fallback: string, actual?: unknown, expected?: unknown, operator?: string): never {
  if (message instanceof Error) throw message;
  throw new AssertionError(message ?? fallback, actual, expected, operator);
}

export function ok(value: unknown, message?: string | Error): asserts value {
  if (!value) fail(message, `The expression evaluated to a falsy value:\n\n  ${show(value)}\n`, value, true, '==');
}

export function equal<T>(actual: unknown, expected: T, message?: string | Error): asserts actual is T {
  if (!Object.is(actual, expected))
    fail(message, `Expected values to be strictly equal:\n\n${show(actual)} !== ${show(expected)}\n`, actual, expected, 'strictEqual');
}

export function notEqual(actual: unknown, expected: unknown, message?: string | Error): void {
  if (Object.is(actual, expected)) fail(message, `Expected "actual" to be strictly unequal to: ${show(expected)}`, actual, expected, 'notStrictEqual');
}

function same(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  return keysA.length === keysB.length && keysA.every((key) => same((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

export function deepEqual<T>(actual: unknown, expected: T, message?: string | Error): asserts actual is T {
  if (!same(actual, expected))
    fail(message, `Expected values to be strictly deep-equal:\n${show(actual)}\n\nshould equal\n\n${show(expected)}`, actual, expected, 'deepStrictEqual');
}

export function match(actual: string, expected: RegExp, message?: string | Error): void {
  if (typeof actual !== 'string' || !expected.test(actual))
    fail(message, `The input did not match the regular expression ${String(expected)}. Input:\n\n${show(actual)}\n`, actual, expected, 'match');
}

export function doesNotMatch(actual: string, expected: RegExp, message?: string | Error): void {
  if (typeof actual === 'string' && expected.test(actual))
    fail(
      message,
      `The input was expected to not match the regular expression ${String(expected)}. Input:\n\n${show(actual)}\n`,
      actual,
      expected,
      'doesNotMatch',
    );
}

export const strictEqual = equal;
export const notStrictEqual = notEqual;
export const deepStrictEqual = deepEqual;

export default { AssertionError, ok, equal, notEqual, deepEqual, match, doesNotMatch, strictEqual, notStrictEqual, deepStrictEqual };
