/** Every export format: a pure function from the model to the file's text. */
import { Model } from '../model/model';
import { ics } from './ics';
import { scheduleJson } from './scheduleJson';
import { scheduleXml } from './scheduleXml';

export const EXPORT_FORMATS = ['ics', 'schedule-json', 'schedule-xml'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The file name extension of each format. */
export const EXPORT_EXTENSIONS: Record<ExportFormat, string> = { ics: '.ics', 'schedule-json': '.json', 'schedule-xml': '.xml' };

export interface ExportOptions {
  /** iCalendar DTSTAMP (an ISO instant). */
  stamp?: string;
}

export function exportModel(model: Model, format: ExportFormat, options: ExportOptions = {}): string {
  switch (format) {
    case 'ics':
      return ics(model, options);
    case 'schedule-json':
      return scheduleJson(model);
    case 'schedule-xml':
      return scheduleXml(model);
  }
}

export function isExportFormat(name: string): name is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(name);
}
