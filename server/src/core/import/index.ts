/**
 * Import: a file's text → a programme file. The format is found from the content (detect),
 * read by its reader into a SourceSchedule, and built into a programme (build.ts). A file
 * import cannot read throws ImportError with a message that says what the file is and what
 * import reads.
 */
import { XMLValidator } from 'fast-xml-parser';
import { BuildOptions, ImportResult, buildProgramme } from './build';
import { isIndicoEvent, readIndicoEvent } from './readIndico';
import { readScheduleJson } from './readScheduleJson';
import { parseXml, readScheduleXml } from './readScheduleXml';
import { ImportError, Json, SourceSchedule, isObject } from './source';

export { ImportError, type ImportNote } from './source';
export type { BuildOptions as ImportOptions, ImportResult } from './build';

export const READS =
  'schedule.json (version 1: frab, pretalx, the CCC hub, c3voc), schedule.xml (frab, pretalx, the hub, Pentabarf, wafer) and Indico event exports (/export/event/ID.json?detail=contributions)';

/** Reads a schedule file's text (any supported format) into a programme. */
export function importSchedule(text: string, options: BuildOptions = {}): ImportResult {
  return buildProgramme(readSchedule(text), options);
}

/** The format of a file, from its content; throws ImportError naming what it is otherwise. */
export function readSchedule(input: string): SourceSchedule {
  const text = input.replace(/^\uFEFF/, '');
  const head = text.trimStart();
  if (!head) throw new ImportError('', `the file is empty: import reads ${READS}`);
  if (/^BEGIN:VCALENDAR/i.test(head))
    throw new ImportError('1:1', `this is an iCalendar file: it has no rooms, tracks or speakers to import; import reads ${READS}`);
  if (head.startsWith('<')) return readXml(text);
  if (head.startsWith('{') || head.startsWith('[')) return readJson(text);
  if (/^(#[^\n]*\n\s*)*programme:\s*1\b/.test(head)) throw new ImportError('1:1', 'this is already a programme file: open it as it is');
  throw new ImportError('1:1', `neither JSON nor XML: import reads ${READS}`);
}

function readXml(text: string): SourceSchedule {
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new ImportError(`${valid.err.line}:${valid.err.col}`, `not well-formed XML: ${valid.err.msg}`);
  const doc = parseXml(text);
  const root = Object.keys(doc).find((k) => !k.startsWith('?'));
  if (root === 'schedule') return readScheduleXml(doc);
  if (root?.toLowerCase() === 'icalendar' || root?.toLowerCase() === 'vcalendar')
    throw new ImportError(`/${root}`, `this is an xCal (iCalendar in XML) file; import reads ${READS}`);
  throw new ImportError(`/${root ?? ''}`, `an XML file whose root element is <${root ?? ''}>, not <schedule>: import reads ${READS}`);
}

function readJson(text: string): SourceSchedule {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ImportError(jsonErrorPlace(text, (error as Error).message), `not valid JSON: ${(error as Error).message}`);
  }
  if (!isObject(data)) throw new ImportError('$', `a JSON ${Array.isArray(data) ? 'array' : typeof data}, not a schedule: import reads ${READS}`);
  if (isObject(data.schedule)) {
    const version = typeof data.schedule.version === 'string' ? data.schedule.version : '';
    if (!isObject(data.schedule.conference) && (Array.isArray(data.schedule.events) || /^2/.test(version))) throw v2('$.schedule');
    return readScheduleJson(data);
  }
  if (isIndicoEvent(data)) return readIndicoEvent(data);
  if (data._type === 'HTTPAPIResult') {
    const results = data.results;
    if (isObject(results) || (Array.isArray(results) && results.length && !isObject(results[0]))) {
      throw new ImportError(
        '$.results',
        `an Indico timetable export (days → blocks → contributions); import reads the event export with contributions: /export/event/ID.json?detail=contributions`,
      );
    }
    throw new ImportError(
      '$.results[0]',
      `an Indico export without \`contributions\`: export the event with ?detail=contributions (/export/event/ID.json?detail=contributions)`,
    );
  }
  if (isObject(data.conference) && Array.isArray((data as Json).events)) throw v2('$');
  if (typeof data.$schema === 'string' && /schedule/i.test(data.$schema) && /v2|2\.0/.test(data.$schema)) throw v2('$.$schema');
  const keys = Object.keys(data)
    .slice(0, 5)
    .map((k) => `\`${k}\``)
    .join(', ');
  throw new ImportError('$', `a JSON file import does not know (keys ${keys || 'none'}): import reads ${READS}`);
}

function v2(path: string): ImportError {
  return new ImportError(
    path,
    `a schedule version 2 file (flat \`events\` with \`rooms\`): import reads schedule.json version 1 (\`schedule.conference.days\`), as frab and pretalx export it, and ${READS.replace(/^schedule\.json \([^)]*\), /, '')}`,
  );
}

/** `line:col` (1-based) of a JSON.parse error, from the position in its message, else the end. */
export function jsonErrorPlace(text: string, message: string): string {
  const lineCol = /line (\d+) column (\d+)/.exec(message);
  if (lineCol) return `${lineCol[1]}:${lineCol[2]}`;
  const m = /position (\d+)/.exec(message);
  const offset = m ? Number(m[1]) : text.length;
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `${line}:${offset - before.lastIndexOf('\n')}`;
}
