// The machine-readable formats of `check` and `build`, read back with a real JSON parser:
// SARIF 2.1.0 field by field (as GitHub code scanning reads it), the JSON document, GitHub
// workflow commands, and that a machine format owns standard output alone.
// usage: node formats_test.mjs XENPLAN_BINARY SOURCE_DIR
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const [xenplan, src] = process.argv.slice(2);
let failures = 0, passed = 0;
const check = (ok, msg) => { if (ok) passed++; else { failures++; console.log(`FAIL: ${msg}`); } };
const run = (...args) => spawnSync(xenplan, args, { cwd: src, encoding: 'utf8' });
const version = run('--version').stdout.trim().split(' ')[1];

// SARIF, field by field.
{
  const r = run('check', '--format', 'sarif', 'tests/golden/check/cpu-overlap.yaml', 'tests/golden/check/pre-ballooned-hvm.yaml');
  check(r.status === 1, `sarif: exit status 1, got ${r.status}`);
  check(r.stderr === '', `sarif: nothing on standard error, got ${JSON.stringify(r.stderr)}`);
  const sarif = JSON.parse(r.stdout);
  check(sarif.version === '2.1.0', 'sarif: version 2.1.0');
  check(typeof sarif.$schema === 'string' && sarif.$schema.includes('sarif-2.1.0'), 'sarif: $schema');
  check(Array.isArray(sarif.runs) && sarif.runs.length === 1, 'sarif: one run');
  const driver = sarif.runs[0].tool.driver;
  check(driver.name === 'xenplan' && driver.version === version, 'sarif: tool.driver name and version');
  const ruleIds = driver.rules.map((rule) => rule.id);
  for (const rule of driver.rules) {
    check(/^XP\d{4}$/.test(rule.id), `sarif: rule id ${rule.id}`);
    check(rule.shortDescription.text.length > 0 && rule.fullDescription.text.length > 0, `sarif: rule ${rule.id} descriptions`);
    check(rule.help.text.includes('Example fix:'), `sarif: rule ${rule.id} help text`);
  }
  const results = sarif.runs[0].results;
  check(results.length === 2, `sarif: two results, got ${results.length}`);
  for (const res of results) {
    check(ruleIds.includes(res.ruleId) && driver.rules[res.ruleIndex].id === res.ruleId, `sarif: ${res.ruleId} in rules`);
    check(['error', 'warning', 'note'].includes(res.level), `sarif: level ${res.level}`);
    check(res.message.text.length > 0, 'sarif: message.text');
    const loc = res.locations[0].physicalLocation;
    check(!loc.artifactLocation.uri.startsWith('/') && loc.artifactLocation.uri.startsWith('tests/golden/check/'),
          `sarif: repository-relative uri ${loc.artifactLocation.uri}`);
    const reg = loc.region;
    check(reg.startLine >= 1 && reg.startColumn >= 1 && reg.endLine >= reg.startLine, 'sarif: region start/end');
    check(reg.endLine > reg.startLine || reg.endColumn > reg.startColumn, 'sarif: region not empty');
    check(typeof res.partialFingerprints['xenplanFingerprint/v1'] === 'string', 'sarif: partialFingerprints');
  }
  check(results.map((x) => x.level).sort().join() === 'error,warning', 'sarif: an error and a warning');
  const overlap = results.find((x) => x.ruleId === 'XP0302');
  check(overlap.relatedLocations[0].message.text === 'pool `rt` takes CPUs 2-3 here', 'sarif: notes as relatedLocations');

  // Fingerprints stay when the finding moves down a line; regions follow it; absolute paths come out relative.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xenplan-sarif-'));
  const moved = path.join(dir, 'cpu-overlap.yaml');
  fs.writeFileSync(moved, '# a comment that moves everything down\n' + fs.readFileSync(path.join(src, 'tests/golden/check/cpu-overlap.yaml'), 'utf8'));
  const again = JSON.parse(spawnSync(xenplan, ['check', '--format', 'sarif', 'cpu-overlap.yaml'], { cwd: dir, encoding: 'utf8' }).stdout);
  const before = overlap, after = again.runs[0].results[0];
  check(after.partialFingerprints['xenplanFingerprint/v1'] !== undefined, 'sarif: fingerprint after a move');
  check(after.locations[0].physicalLocation.region.startLine === before.locations[0].physicalLocation.region.startLine + 1, 'sarif: region follows the move');
  const abs = JSON.parse(spawnSync(xenplan, ['check', '--format', 'sarif', moved], { cwd: dir, encoding: 'utf8' }).stdout);
  check(abs.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri === 'cpu-overlap.yaml', 'sarif: absolute path made relative');
  check(abs.runs[0].results[0].partialFingerprints['xenplanFingerprint/v1'] === after.partialFingerprints['xenplanFingerprint/v1'],
        'sarif: the same fingerprint for the same finding');
  fs.rmSync(dir, { recursive: true });

  const clean = JSON.parse(run('check', '--format', 'sarif', 'examples/rt-node.yaml').stdout);
  check(clean.runs[0].results.length === 0 && clean.runs[0].tool.driver.rules.length === 0, 'sarif: a clean run has no results');
}

// JSON.
{
  const r = run('check', '--format', 'json', 'tests/golden/check/unresolved-reference.yaml');
  check(r.status === 1 && r.stderr === '', 'json: exit 1, nothing on standard error');
  const doc = JSON.parse(r.stdout);
  check(doc.errors === 3 && doc.warnings === 0, 'json: counts');
  const d = doc.diagnostics[0];
  for (const key of ['severity', 'code', 'message', 'file', 'line', 'column', 'end_line', 'end_column', 'notes', 'help']) {
    check(key in d, `json: field ${key}`);
  }
  check(d.code === 'XP0203' && d.line === 16 && d.column === 11 && d.end_column === 14, 'json: the first diagnostic');
  check(d.notes[0].message === 'pool `rt` is defined here' && d.notes[0].line === 13, 'json: notes');
  const unreadable = run('check', '--format', 'json', 'no-such-file.yaml');
  check(unreadable.status === 3 && JSON.parse(unreadable.stdout).diagnostics[0].line === null, 'json: unreadable file');
}

// GitHub workflow commands.
{
  const r = run('check', '--format', 'github', 'tests/golden/check/bad-unit.yaml', 'tests/golden/check/rtds-defaults.yaml');
  check(r.status === 1 && r.stderr === '', 'github: exit 1, nothing on standard error');
  const lines = r.stdout.trim().split('\n');
  check(lines.length === 4, `github: four annotations, got ${lines.length}`);
  for (const line of lines) {
    check(/^::(error|warning) file=tests\/golden\/check\/[a-z-]+\.yaml,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=XP\d{4}::\S/.test(line),
          `github: ${line}`);
  }
  check(lines[0].includes('%0Ahelp: write `16GiB`'), 'github: help on an escaped second line');
  check(lines[3].startsWith('::warning '), 'github: warnings are warnings');
}

// --werror, --error-limit and build's machine output.
{
  check(run('check', 'tests/golden/check/rtds-defaults.yaml').status === 0, 'a warning alone exits 0');
  const w = run('check', '--werror', '--format', 'json', 'tests/golden/check/rtds-defaults.yaml');
  check(w.status === 1 && JSON.parse(w.stdout).diagnostics[0].severity === 'error', '--werror makes warnings errors');
  const l = run('check', '--error-limit', '1', 'tests/golden/check/bad-unit.yaml');
  check(l.status === 1 && (l.stderr.match(/: error: /g) || []).length === 1 && l.stderr.includes('2 more errors not shown (--error-limit 1)'),
        `--error-limit: ${l.stderr}`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xenplan-build-'));
  const b = run('build', '--format', 'json', 'examples/rt-node.yaml', '-o', path.join(dir, 'out'));
  check(b.status === 0 && JSON.parse(b.stdout).diagnostics.length === 0 && b.stderr.includes('wrote 17 files'),
        'build --format json: the document on standard output, the listing on standard error');
  fs.rmSync(dir, { recursive: true });
}

console.log(`${passed} passed, ${failures} failed`);
process.exit(failures === 0 ? 0 : 1);
