import { Problem } from './problem';

/** Default for `programme.maxFileSize`, in megabytes. */
export const DEFAULT_MAX_FILE_MB = 10;

/** A problem when the text is too large to check at all, else undefined. */
export function sizeProblem(text: string, maxMegabytes: number = DEFAULT_MAX_FILE_MB): Problem | undefined {
  const limit = maxMegabytes * 1024 * 1024;
  if (text.length <= limit) return undefined;
  const mb = (text.length / 1024 / 1024).toFixed(1);
  return {
    code: 'file-too-large',
    start: 0,
    end: 0,
    message: `file too large to check: ${mb} MB > limit of ${maxMegabytes} MB (set programme.maxFileSize to raise it)`,
  };
}
