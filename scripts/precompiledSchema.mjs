// The programme schema's validators, compiled by Ajv at build time (standalone code), so that
// the first check of a file does not compile the schema. An esbuild plugin: a bundle's import of
// `server/src/core/schema/validators.generated` gets the generated module; its types are
// declared in validators.generated.d.ts beside it. The options and the shell schema come from
// the same module as at run time (server/src/core/schema/ajvOptions.json), so both compile alike.
import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SCHEMA = join(ROOT, 'schemas/programme.schema.json');
const SETUP = join(ROOT, 'server/src/core/schema/ajvSetup.json');

/** The standalone module's source: exports `shell` and one validator per entry definition. */
export function validatorsSource(schemaText, setupText) {
  const schema = JSON.parse(schemaText);
  const setup = JSON.parse(setupText);
  const ajv = new Ajv({ ...setup.options, code: { source: true, esm: false, lines: false } });
  const id = schema.$id;
  ajv.addSchema(schema, id);
  const shell = JSON.parse(JSON.stringify(schema), (_k, v) =>
    v && typeof v === 'object' && typeof v.$ref === 'string' && setup.entries.some((d) => v.$ref === `#/definitions/${d}`) ? {} : v,
  );
  shell.$id = id.replace(/\.schema\.json$/, '.shell.schema.json');
  ajv.addSchema(shell);
  const refs = { shell: shell.$id };
  for (const d of setup.entries) refs[d] = `${id}#/definitions/${d}`;
  return standaloneCode(ajv, refs);
}

/** The last source made, by the texts it was made from (a watch build makes it again when they change). */
let made;
export const precompiledSchema = {
  name: 'precompiled-schema',
  setup(build) {
    build.onResolve({ filter: /[\\/]validators\.generated$/ }, (args) => ({ path: join(args.resolveDir, args.path + '.js'), namespace: 'precompiled-schema' }));
    build.onLoad({ filter: /.*/, namespace: 'precompiled-schema' }, () => {
      const key = readFileSync(SCHEMA, 'utf8') + '\0' + readFileSync(SETUP, 'utf8');
      if (made?.key !== key) made = { key, source: validatorsSource(...key.split('\0')) };
      return { contents: made.source, loader: 'js', resolveDir: ROOT, watchFiles: [SCHEMA, SETUP] };
    });
  },
};
