/** The exchange formats' own validators, from the copies in test/fixtures (see their READMEs). */
import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv';
import AjvDraft04 from 'ajv-draft-04';
import * as draft06 from 'ajv/dist/refs/json-schema-draft-06.json';

export const ROOT = path.resolve(__dirname, '../../..');
export const C3VOC = path.join(ROOT, 'test/fixtures/c3voc');
export const XSD = path.join(C3VOC, 'schedule.xml.xsd');

const FORMATS = {
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  uri: /^[a-z][a-z0-9+.-]*:[^\s]*$/i,
  date: /^\d{4}-\d{2}-\d{2}$/,
  'date-time': /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/,
  color: /^#[0-9a-f]{6}$/i,
};

let scheduleValidator: ((data: unknown) => string[]) | undefined;

/** Errors of a schedule.json against the official schema (draft-06), as `path: message`. */
export function scheduleJsonErrors(data: unknown): string[] {
  if (!scheduleValidator) {
    const ajv = new Ajv({ allErrors: true, strict: false, formats: FORMATS });
    ajv.addMetaSchema(draft06);
    const validate = ajv.compile(JSON.parse(fs.readFileSync(path.join(C3VOC, 'schema.json'), 'utf8')));
    scheduleValidator = (d) => (validate(d) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath}: ${e.message}`));
  }
  return scheduleValidator(data);
}

let sarifValidator: ((data: unknown) => string[]) | undefined;

/** Errors of a SARIF log against the SARIF 2.1.0 schema (draft-04). */
export function sarifErrors(data: unknown): string[] {
  if (!sarifValidator) {
    // unicodeRegExp off: the schema's language pattern `^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$` is not a valid /u regex.
    const ajv = new AjvDraft04({
      allErrors: true,
      strict: false,
      unicodeRegExp: false,
      formats: { uri: FORMATS.uri, 'uri-reference': /^\S*$/, 'date-time': FORMATS['date-time'] },
    });
    const validate = ajv.compile(JSON.parse(fs.readFileSync(path.join(ROOT, 'test/fixtures/sarif/sarif-2.1.0-rtm.5.json'), 'utf8')));
    sarifValidator = (d) => (validate(d) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath}: ${e.message}`));
  }
  return sarifValidator(data);
}
