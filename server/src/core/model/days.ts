/**
 * Programme days. A programme day runs from the event's `day-change` (`HH:MM`, default 00:00)
 * to the same time the next day: a session or slot starting between midnight and day-change
 * belongs to the day before, as a social evening from 22:00 to 01:00 belongs to its evening.
 * The checks (`outside-event`), the preview's days and the exports' days all ask here.
 */
import type { EventInfo } from './model';
import { atWallMinutes, DateTime, nextDay } from './time';

/** `04:00` as minutes after midnight; undefined when not of the form `HH:MM` (00:00 to 23:59). */
export function parseDayChange(text: string): number | undefined {
  const m = /^([01][0-9]|2[0-3]):([0-5][0-9])$/.exec(text);
  return m ? Number(m[1]) * 60 + Number(m[2]) : undefined;
}

/**
 * The programme day (`YYYY-MM-DD`) an instant belongs to, by the wall clock of the zone the
 * DateTime is in (the event zone for the model's times): its date, or the date before when
 * the wall time is before `dayChange` minutes after midnight. Pure arithmetic: called for every
 * slot of the preview and the exports.
 */
export function programmeDate(time: DateTime, dayChange: number): string {
  return new Date(time.toMillis() + (time.offset - dayChange) * 60_000).toISOString().slice(0, 10);
}

/** When the programme day beginning on calendar day `day` (00:00 in its zone) begins. */
export function programmeDayStart(day: DateTime, dayChange: number): DateTime {
  return atWallMinutes(day, dayChange);
}

/** When the programme day beginning on calendar day `day` (00:00 in its zone) ends: the next one's start. */
export function programmeDayEnd(day: DateTime, dayChange: number): DateTime {
  return atWallMinutes(nextDay(day), dayChange);
}

/**
 * The time the event's programme days cover: from its first day's day-change to the
 * day-change after its last day. Undefined while the event's dates or zone are unknown.
 */
export function eventSpan(event: EventInfo): { start: DateTime; end: DateTime } | undefined {
  if (!event.start || !event.end || !event.zone) return undefined;
  return { start: programmeDayStart(event.start, event.dayChange), end: programmeDayEnd(event.end, event.dayChange) };
}

/** `04:00`: minutes after midnight as a wall time. */
export function formatDayChange(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
