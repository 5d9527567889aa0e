/**
 * The semantic checks, one per file. To add one: write `rules/<name>.ts` exporting a `Rule`,
 * add it to `RULES` below, add its code to `problem.ts` (and FORMAT.md), and a fixture test.
 */
import { Model } from '../model/model';
import { Problem } from '../service/problem';
import { Rule } from './context';
import { RuleMemo } from './memo';
import { attendeeConflict } from './attendeeConflict';
import { notScheduled } from './notScheduled';
import { outsideEvent } from './outsideEvent';
import { outsideSession } from './outsideSession';
import { roomConflict } from './roomConflict';
import { slotOverlap } from './slotOverlap';
import { speakerConflict } from './speakerConflict';
import { speakerNight } from './speakerNight';
import { trackOverfull } from './trackOverfull';
import { unknownReference } from './unknownReference';
import { unused } from './unused';

export const RULES: readonly Rule[] = [
  unknownReference,
  outsideEvent,
  outsideSession,
  slotOverlap,
  speakerConflict,
  roomConflict,
  attendeeConflict,
  trackOverfull,
  notScheduled,
  unused,
  speakerNight,
];

/** Runs every rule; a rule that fails is skipped rather than taking the others down. */
export function runRules(model: Model, memo: RuleMemo, onError?: (rule: string, error: unknown) => void): Problem[] {
  const problems: Problem[] = [];
  for (const rule of RULES) {
    try {
      rule({ model, memo, report: (p) => problems.push(p) });
    } catch (error) {
      onError?.(rule.name, error);
    }
  }
  return problems;
}
