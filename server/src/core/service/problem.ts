/**
 * A problem found in a programme, before it becomes an editor diagnostic: offsets instead of
 * line/column so that cached problems survive edits elsewhere, and a code from FORMAT.md.
 */

export const CODES = {
  'yaml-syntax': 'error',
  'duplicate-key': 'error',
  schema: 'error',
  'unknown-person': 'error',
  'unknown-topic': 'error',
  'unknown-room': 'error',
  'invalid-timezone': 'error',
  'timezone-alias': 'information',
  'invalid-datetime': 'error',
  'nonexistent-time': 'error',
  'ambiguous-time': 'warning',
  'event-dates': 'error',
  'outside-event': 'error',
  'outside-session': 'warning',
  'slot-overlap': 'error',
  'speaker-conflict': 'warning',
  'room-conflict': 'error',
  'attendee-conflict': 'warning',
  'track-overfull': 'warning',
  'not-scheduled': 'information',
  'unused-person': 'hint',
  'unused-topic': 'hint',
  'speaker-night': 'information',
  'file-too-large': 'warning',
  'more-problems': 'warning',
  'misread-text': 'warning',
  'control-character': 'error',
  'bidi-override': 'warning',
} as const satisfies Record<string, Severity>;

export type Code = keyof typeof CODES;
export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeverityOverride = Severity | 'off';

export interface Related {
  start: number;
  end: number;
  message: string;
}

export interface Problem {
  code: Code;
  message: string;
  start: number;
  end: number;
  /** Severity when it is not the code's default (e.g. a warning-level parse note). */
  severity?: Severity;
  related?: Related[];
  /**
   * Where the thing the problem is about ends, when that is past `end` (a mapping that lacks
   * a key is reported at its key but spans its whole value).
   */
  scopeEnd?: number;
  /** Data a quick fix needs (the suggested replacement, the missing id...). */
  data?: ProblemData;
}

export type ProblemData =
  | { fix: 'replace'; replacement: string; title: string }
  | { fix: 'add-person'; id: string }
  | { fix: 'move-slot'; slotPath: (string | number)[] }
  | { fix: 'move-session'; sessionPath: (string | number)[] }
  | { fix: 'schedule-slot'; slotPath: (string | number)[] };

export function problem(code: Code, message: string, node: { start: number; end: number }, extra?: Partial<Problem>): Problem {
  return { code, message, start: node.start, end: node.end, ...extra };
}

/**
 * A copy of `p` moved by `delta` characters. Problems are values: one handed out in an
 * analysis is never changed, so a cached problem whose text moved is copied, not shifted.
 */
export function movedProblem(p: Problem, delta: number): Problem {
  const moved: Problem = { ...p, start: p.start + delta, end: p.end + delta };
  if (p.scopeEnd !== undefined) moved.scopeEnd = p.scopeEnd + delta;
  if (p.related) moved.related = p.related.map((r) => ({ ...r, start: r.start + delta, end: r.end + delta }));
  return moved;
}
