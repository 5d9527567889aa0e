/**
 * Times for display in the zone the reader picked. The view model carries instants (ISO strings
 * with offsets); the browser's Intl does the zone arithmetic, so the webview needs no tz library.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string, options: Intl.DateTimeFormatOptions, locale = 'en-GB'): Intl.DateTimeFormat {
  const key = locale + zone + JSON.stringify(options);
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { timeZone: zone, ...options });
    formatters.set(key, f);
  }
  return f;
}

/** Whether this browser knows `zone`. */
export function validZone(zone: string | undefined): zone is string {
  if (!zone || zone.length > 100) return false;
  try {
    formatter(zone, { hour: '2-digit' });
    return true;
  } catch {
    return false;
  }
}

/** The reader's own zone. */
export function ownZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

interface LocalParts {
  date: string;
  time: string;
  weekday: string;
}

export class Clock {
  /** Many slots share start and end times: each instant is formatted once. */
  private readonly cache = new Map<string, LocalParts>();

  constructor(readonly zone: string) {}

  private parts(iso: string): LocalParts {
    let p = this.cache.get(iso);
    if (!p) {
      const parts = formatter(this.zone, {
        weekday: 'short',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }).formatToParts(new Date(iso));
      const get = (type: string): string => parts.find((x) => x.type === type)?.value ?? '';
      p = { date: `${get('year')}-${get('month')}-${get('day')}`, time: `${get('hour')}:${get('minute')}`, weekday: get('weekday') };
      if (this.cache.size > 20_000) this.cache.clear();
      this.cache.set(iso, p);
    }
    return p;
  }

  /** `07:10` */
  time(iso: string): string {
    return this.parts(iso).time;
  }

  /** `YYYY-MM-DD` of the instant in this zone. */
  date(iso: string): string {
    return this.parts(iso).date;
  }

  /** `07:10–07:35`, with the weekday when the reader's date differs from the event's `date`. */
  range(startIso: string, endIso: string, date: string): string {
    const s = this.parts(startIso),
      e = this.parts(endIso);
    return `${s.date !== date ? `${s.weekday} ` : ''}${s.time}–${e.date !== s.date ? `${e.weekday} ` : ''}${e.time}`;
  }

  weekday(iso: string): string {
    return this.parts(iso).weekday;
  }

  /** `PDT`, `GMT+5:30`: the zone's short name at that instant. */
  abbreviation(iso: string): string {
    const parts = formatter(this.zone, { timeZoneName: 'short', hour: '2-digit' }, 'en-US').formatToParts(new Date(iso));
    return parts.find((p) => p.type === 'timeZoneName')?.value ?? this.zone;
  }
}

/** `Tuesday 21 September 2021` for a `YYYY-MM-DD` date. */
export function longDate(date: string): string {
  const d = new Date(`${date}T12:00:00Z`);
  if (Number.isNaN(d.getTime())) return date;
  return formatter('UTC', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(d);
}

/** `20–24 September 2021` for the event's first and last day. */
export function dateSpan(start: string | undefined, end: string | undefined): string {
  if (!start) return '';
  if (!end || end === start) return longDate(start);
  const f = (date: string, options: Intl.DateTimeFormatOptions): string => formatter('UTC', options).format(new Date(`${date}T12:00:00Z`));
  if (start.slice(0, 7) === end.slice(0, 7)) return `${f(start, { day: 'numeric' })}–${f(end, { day: 'numeric', month: 'long', year: 'numeric' })}`;
  return `${f(start, { day: 'numeric', month: 'long' })} – ${f(end, { day: 'numeric', month: 'long', year: 'numeric' })}`;
}

/** `10 min`, `1 h 30 min`. */
export function minutesLabel(minutes: number | undefined): string {
  if (minutes === undefined || !Number.isFinite(minutes)) return '';
  const h = Math.floor(minutes / 60),
    m = Math.round(minutes % 60);
  return h && m ? `${h} h ${m} min` : h ? `${h} h` : `${m} min`;
}
