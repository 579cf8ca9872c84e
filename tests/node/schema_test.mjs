// The JSON Schema (schemas/xenplan.schema.json) against the compiler, with a real validator (ajv):
//  - every example and golden input the compiler accepts validates;
//  - every input the compiler rejects for its structure (unknown or duplicate keys, types, missing
//    fields, units, words, CPU sets, the version, xl: keys xenplan writes) fails validation;
//  - a misspelt key is rejected;
//  - every property the schema defines occurs in some input the compiler accepts, and one accepted
//    input (valid-all-fields.yaml) uses every field the compiler knows;
//  - the keys under `xl` are exactly those of the compiler's table (src/model/xl_keys.def), with
//    its value forms, as scripts/xl-schema.mjs writes them (so they need not all occur in inputs).
// usage: node schema_test.mjs XENPLAN_BINARY SOURCE_DIR
import Ajv from 'ajv';
import YAML from 'yaml';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { xlDefinition } from '../../scripts/xl-schema.mjs';

const [xenplan, src] = process.argv.slice(2);
const schema = JSON.parse(fs.readFileSync(path.join(src, 'schemas/xenplan.schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: true, strict: true, strictTypes: false }).compile(schema);
const structural = new Set(['XP0003', 'XP0101', 'XP0102', 'XP0103', 'XP0104', 'XP0105', 'XP0107', 'XP0108', 'XP0110']);
// Value rules JSON Schema cannot express; the compiler alone enforces them.
const beyondSchema = {
  'bad-cpuset-backwards.yaml': 'a CPU range that runs backwards (3-2)',
  'out-of-range-overflow.yaml': 'a size that overflows 64 bits when its unit is applied',
  'xl-key-newer-than-target.yaml': 'an xl key that the target Xen version does not have yet',
};
let failures = 0, checked = 0;
const fail = (msg) => { console.log(`FAIL: ${msg}`); failures++; };

function schemaAccepts(text) {
  let doc;
  try {
    doc = YAML.parse(text, { uniqueKeys: true, maxAliasCount: -1 });
  } catch (e) {
    return false;  // not YAML a JSON tool can read (e.g. duplicate keys)
  }
  return validate(doc);
}

function compilerCodes(file) {
  const r = spawnSync(xenplan, ['check', '--format', 'json', file], { encoding: 'utf8' });
  const report = JSON.parse(r.stdout);
  return report.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code);
}

const inputs = [];
for (const dir of ['examples', 'tests/golden/check', 'tests/golden/analyze', 'tests/golden/readers']) {
  for (const f of fs.readdirSync(path.join(src, dir)).sort()) {
    if (f.endsWith('.yaml')) inputs.push(path.join(src, dir, f));
  }
}

const accepted = [];
for (const file of inputs) {
  const text = fs.readFileSync(file, 'utf8');
  const codes = compilerCodes(file);
  const ok = schemaAccepts(text);
  const name = path.relative(src, file);
  if (codes.length === 0) {
    checked++;
    accepted.push(YAML.parse(text));
    if (!ok) fail(`${name}: the compiler accepts it, the schema does not: ${JSON.stringify(validate.errors)}`);
  } else if (codes.some((c) => structural.has(c)) && !beyondSchema[path.basename(file)]) {
    checked++;
    if (ok) fail(`${name}: the compiler rejects its structure (${codes.join(', ')}), the schema accepts it`);
  }
}

// A misspelt key.
const example = YAML.parse(fs.readFileSync(path.join(src, 'examples/rt-node.yaml'), 'utf8'));
example.domains[0].memroy = example.domains[0].memory;
if (validate(example)) fail('the schema accepts the misspelt key `memroy`');
else if (!validate.errors.some((e) => e.keyword === 'additionalProperties' && e.params.additionalProperty === 'memroy')) {
  fail(`the schema rejects \`memroy\` for another reason: ${JSON.stringify(validate.errors)}`);
}

// Every property of the schema occurs in some accepted input.
function resolveRef(ref) {
  return ref.replace(/^#\//, '').split('/').reduce((node, key) => node[key], schema);
}
function schemaPaths(node, prefix, out) {
  if (!node || typeof node !== 'object') return;
  if (node.$ref) schemaPaths(resolveRef(node.$ref), prefix, out);
  for (const alt of [...(node.oneOf || []), ...(node.anyOf || [])]) schemaPaths(alt, prefix, out);
  if (node.items) schemaPaths(node.items, `${prefix}[]`, out);
  for (const [key, sub] of Object.entries(node.properties || {})) {
    out.add(`${prefix}.${key}`);
    schemaPaths(sub, `${prefix}.${key}`, out);
  }
}
function dataPaths(value, prefix, out) {
  if (Array.isArray(value)) value.forEach((v) => dataPaths(v, `${prefix}[]`, out));
  else if (value && typeof value === 'object') {
    for (const [key, sub] of Object.entries(value)) {
      out.add(`${prefix}.${key}`);
      dataPaths(sub, `${prefix}.${key}`, out);
    }
  }
}
const defined = new Set(), used = new Set();
schemaPaths(schema, '', defined);
accepted.forEach((doc) => dataPaths(doc, '', used));
const xlKey = /^\.domains\[\]\.xl\./;  // checked against the key table below
for (const p of [...defined].sort()) {
  if (!used.has(p) && !xlKey.test(p)) fail(`the schema defines ${p}, which no description the compiler accepts uses`);
}
if (!accepted.some((doc) => doc.host && doc.host.name === 'all-fields')) fail('valid-all-fields.yaml must be accepted');
if (JSON.stringify(schema.definitions.xl) !== JSON.stringify(xlDefinition(src))) {
  fail('the schema\'s `xl` keys differ from src/model/xl_keys.def: run node scripts/xl-schema.mjs');
}

console.log(`schema: ${checked} inputs compared with the compiler, ${defined.size} schema fields checked`);
console.log(`${failures === 0 ? checked : checked - failures} passed, ${failures} failed`);
process.exit(failures === 0 ? 0 : 1);
