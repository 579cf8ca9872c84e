#!/usr/bin/env node
// Writes the `xl` definition of schemas/xenplan.schema.json from the key table
// src/model/xl_keys.def, so the schema knows exactly the keys and value forms the compiler does.
// usage: node scripts/xl-schema.mjs [--check]   (--check: change nothing, exit 1 when stale)
// tests/node/schema_test.mjs compares the schema with xlDefinition() too.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const FORMS = {
  S: { type: 'string', words: 'a string' },
  N: { type: 'integer', words: 'a whole number' },
  B: { type: 'boolean', words: 'true or false (written 1 or 0)' },
  L: { type: 'array', words: 'a list of strings' },
  LL: { type: 'array', words: 'a list of lists of strings' },
};
const guests = (g) => (g.includes('ALL') ? 'every guest type' : `${g.join(' and ')} guests`);

// The keys of xl_keys.def: {name, forms: ['S', 'L'], guests: ['HVM'], since, field}.
export function xlKeys(src) {
  const text = fs.readFileSync(path.join(src, 'src/model/xl_keys.def'), 'utf8');
  const row = /^XL_KEY\((\w+),\s*([A-Z| ]+),\s*([A-Z| ]+),\s*(\d+),\s*"([^"]*)"\)/gm;
  const split = (s) => s.split('|').map((x) => x.trim());
  return [...text.matchAll(row)].map((m) => ({ name: m[1], forms: split(m[2]), guests: split(m[3]), since: Number(m[4]), field: m[5] }));
}

function property(key) {
  const types = key.forms.map((f) => FORMS[f].type);
  const out = {
    description: `xl.cfg(5) \`${key.name}\`: ${key.forms.map((f) => FORMS[f].words).join(' or ')}. ` +
      `Documented for ${guests(key.guests)}${key.since > 14 ? `, from Xen 4.${key.since}` : ''}.`,
    type: types.length === 1 ? types[0] : types,
  };
  if (key.forms.includes('N')) out.minimum = 0;  // and at most 2^63-1, which JSON numbers cannot hold exactly
  if (key.forms.includes('L')) out.items = { type: 'string' };
  if (key.forms.includes('LL')) out.items = { type: 'array', items: { type: 'string' } };
  return out;
}

// The schema's definitions.xl: every key `xl:` may set (not those xenplan writes itself).
export function xlDefinition(src) {
  const keys = xlKeys(src).filter((k) => k.field === '');
  return {
    description: 'Other xl.cfg(5) keys (Xen 4.17), passed through to the domain\'s xl.cfg after the keys xenplan writes, in the order given. Keys xenplan writes from a field of the description (memory, vcpus, disk ...) are not allowed here.',
    type: 'object',
    additionalProperties: false,
    properties: Object.fromEntries(keys.map((k) => [k.name, property(k)])),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const src = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
  const file = path.join(src, 'schemas/xenplan.schema.json');
  const schema = JSON.parse(fs.readFileSync(file, 'utf8'));
  const before = JSON.stringify(schema.definitions.xl);
  schema.definitions.xl = xlDefinition(src);
  if (JSON.stringify(schema.definitions.xl) === before) process.exit(0);
  if (process.argv.includes('--check')) {
    console.log('schemas/xenplan.schema.json: the xl definition is stale; run node scripts/xl-schema.mjs');
    process.exit(1);
  }
  fs.writeFileSync(file, JSON.stringify(schema, null, 2) + '\n');
}
