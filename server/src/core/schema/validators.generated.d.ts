/**
 * The validators of schemas/programme.schema.json, compiled by Ajv when the bundle is built
 * (scripts/precompiledSchema.mjs generates the module): `shell` (the schema with the entries
 * below accepting anything) and one validator per entry definition.
 */
import type { ValidateFunction } from 'ajv';

export declare const shell: ValidateFunction;
export declare const person: ValidateFunction;
export declare const room: ValidateFunction;
export declare const slot: ValidateFunction;
export declare const session: ValidateFunction;
