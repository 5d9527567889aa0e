/**
 * Hover: what a place in the file means. A person id shows the person and the slots they
 * speak in; a room, track or topic id its title; a slot's or session's time the interval in
 * the event zone, in UTC and in each speaker's zone; a zone its current offset and canonical
 * name; any key its schema documentation.
 */
import { Hover, MarkupKind } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { Analysis } from '../service/analysis';
import { Interval, Model, Slot, Track, trackRuns } from '../model/model';
import { ProgrammeSymbol, symbolAt } from './navigation';
import { schemaAt, schemaDoc } from '../schema/schemaAt';
import { abbreviation, formatDuration, formatRangeLong, now, offsetLabel, zoneInfo } from '../model/time';
import { PathSegment, nodeAt } from '../syntax/tree';
import type { Shape } from '../model/shape';

export function hover(analysis: Analysis | undefined, document: TextDocument, offset: number): Hover | null {
  if (!analysis) return null;
  const hit = nodeAt(analysis.syntax.root, offset);
  if (!hit) return null;
  const { node, path, isKey } = hit;
  const range = { start: document.positionAt(node.start), end: document.positionAt(node.end) };
  const markdown = (value: string | undefined): Hover | null => (value ? { contents: { kind: MarkupKind.Markdown, value }, range } : null);
  const symbol = symbolAt(analysis, offset);
  if (symbol) return markdown(symbolHover(analysis.model, symbol));
  const last = path[path.length - 1];
  if (node.kind === 'scalar' && (last === 'start' || last === 'duration' || last === 'end')) {
    const time = intervalHover(analysis.model, path, analysis.format.shape);
    if (time) return markdown(isKey ? `${schemaDoc(schemaAt(path, analysis.format.schema), String(last), analysis.format.schema)}\n\n---\n\n${time}` : time);
  }
  if (!isKey && last === 'timezone' && typeof node.value === 'string') return markdown(zoneHover(node.value));
  if (node.kind !== 'scalar') return null;
  const keyPath = isKey || typeof last === 'string' ? path : path.slice(0, -1);
  const key = keyPath[keyPath.length - 1];
  return markdown(schemaDoc(schemaAt(keyPath, analysis.format.schema), typeof key === 'string' ? key : undefined, analysis.format.schema));
}

function symbolHover(model: Model, symbol: ProgrammeSymbol): string | undefined {
  if (symbol.kind === 'person') return personHover(model, symbol.id);
  if (symbol.kind === 'room') {
    const room = model.rooms.get(symbol.id);
    if (!room) return `Unknown room \`${symbol.id}\`: not in \`rooms\``;
    return [`**${room.title ?? room.id}** (room \`${room.id}\`)`, room.capacity !== undefined ? `Capacity: ${room.capacity}` : ''].filter(Boolean).join('\n\n');
  }
  if (symbol.kind === 'track') {
    const t = model.tracks.get(symbol.id);
    if (!t) return undefined;
    const scheduled = t.slots.filter((s) => s.interval).length;
    return `**${t.title}** (${t.kind} \`${t.id}\`)\n\n${t.slots.length} slot${t.slots.length === 1 ? '' : 's'}, ${scheduled} scheduled${t.room ? `; room \`${t.room.id}\`` : ''}`;
  }
  const topic = model.tracks.get(symbol.track ?? '')?.topics.get(symbol.id);
  if (!topic) return `Unknown topic \`${symbol.id}\` in track \`${symbol.track}\``;
  return [`**${topic.title}** (topic \`${topic.path}\`)`, topic.description ?? ''].filter(Boolean).join('\n\n');
}

/** The slots a person speaks in (one look through the slots per hover). */
function slotsOf(model: Model, id: string): Slot[] {
  return model.slots.filter((slot) => slot.speakers.some((s) => s.id === id));
}

/** How many times a hover lists per role. */
const LISTED = 20;

/**
 * A person: who they are, where they live, and everything they are needed for, with times in
 * the event zone: the slots they speak in, the tracks they lead or key-attend (with the
 * sessions, or the stretches of slots, in which those tracks run).
 */
function personHover(model: Model, id: string): string {
  const p = model.people.get(id);
  if (!p) return `Unknown person \`${id}\`: not in \`people\``;
  const lines = [`**${[p.honorific, p.name ?? id].filter(Boolean).join(' ')}** (\`${id}\`)`];
  if (p.affiliation) lines.push(p.affiliation);
  if (p.timezone) {
    const t = now(p.timezone);
    const abbr = abbreviation(t);
    lines.push(`Lives in ${p.timezone} (${abbr === offsetLabel(t) ? abbr : `${abbr}, ${offsetLabel(t)}`} now)`);
  }
  const zone = model.event.zone;
  const when = (i: Interval | undefined): string => (i && zone ? formatRangeLong(i.start, i.end, zone) : 'not scheduled');
  const list = (items: string[]): string =>
    (items.length > LISTED ? [...items.slice(0, LISTED), `… and ${items.length - LISTED} more`] : items).map((i) => `- ${i}`).join('\n');
  const slots = slotsOf(model, id);
  if (slots.length) lines.push(`Speaks in:\n${list(slots.map((s) => `${when(s.interval)}: ${s.title} (${s.track.title})`))}`);
  const roles: [string, (t: Track) => { id: string }[]][] = [
    ['Leads', (t) => t.leads],
    ['Key attendee of', (t) => t.keyAttendees],
  ];
  for (const [label, refs] of roles) {
    const tracks = [...model.tracks.values()].filter((t) => refs(t).some((r) => r.id === id));
    if (!tracks.length) continue;
    const items = tracks.flatMap((t) => {
      const runs = trackRuns(t);
      return runs.length ? runs.map((i) => `${when(i)}: ${t.title}`) : [`${t.title}: not scheduled yet`];
    });
    lines.push(`${label}:\n${list(items)}`);
  }
  return lines.join('\n\n');
}

/** The interval of the slot or session at `path` (`tracks/<t>/slots/<i>/start`). */
function intervalHover(model: Model, path: PathSegment[], shape: Shape): string | undefined {
  if (path.length !== 5 || path[0] !== shape.maps.track || typeof path[3] !== 'number') return undefined;
  const track = model.tracks.get(String(path[1]));
  const zone = model.event.zone;
  if (!track || !zone) return undefined;
  if (path[2] === shape.lists.session) {
    const session = track.sessions[path[3]];
    return session?.interval ? `**Session ${path[3] + 1} of ${track.title}**\n\n${times(session.interval, zone, [])}` : undefined;
  }
  if (path[2] !== shape.lists.slot) return undefined;
  const slot = track.slots[path[3]];
  if (!slot?.interval) return undefined;
  const zones = slot.speakers.flatMap((r) => {
    const p = model.people.get(r.id);
    return p?.timezone ? [{ who: p.name ?? p.id, zone: p.timezone }] : [];
  });
  return `**${slot.title}** (${formatDuration(slot.minutes ?? Math.round((slot.interval.endMs - slot.interval.startMs) / 60000))})\n\n${times(slot.interval, zone, zones)}`;
}

function times(interval: Interval, zone: string, speakers: { who: string; zone: string }[]): string {
  const lines = [`- ${formatRangeLong(interval.start, interval.end, zone)} (event, ${zone})`, `- ${formatRangeLong(interval.start, interval.end, 'UTC')}`];
  for (const s of speakers) lines.push(`- ${formatRangeLong(interval.start, interval.end, s.zone)} for ${s.who} (${s.zone})`);
  return lines.join('\n');
}

function zoneHover(name: string): string | undefined {
  const info = zoneInfo(name);
  if (!info.valid) return `\`${name}\` is not an IANA time zone`;
  const zone = info.canonical ?? name;
  const t = now(zone);
  const abbr = abbreviation(t);
  const lines = [`**${name}**: ${offsetLabel(t)} now${abbr === offsetLabel(t) ? '' : ` (${abbr})`}`];
  if (info.canonical) lines.push(`A legacy alias of \`${info.canonical}\`.`);
  return lines.join('\n\n');
}
