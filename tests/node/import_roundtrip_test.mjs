// Round trip of `xenplan import` through Debian's real readers (tests/import/corpus):
//  - every xl.cfg: `xl -N create` of the original, `xenplan import` of it with a small host
//    context (the corpus' cpupool files, GRUB defaults, ifupdown files and lvs output), `xenplan
//    build`, `xl -N create` of the built xl.cfg, and the two libxl JSON documents compared leaf
//    by leaf, ignoring exactly the fields the import's summary said it did not carry over (and
//    c_info.uuid when the original has none: xl makes one up, xenplan derives one);
//  - every cpupool file: `xl cpupool-create -n` of the original and of the built file;
//  - every GRUB variant: the Xen command line of the default entry, as grub-mkconfig's sourcing
//    of the defaults gives it, before and after xenplan's drop-in is added;
//  - every bridge: `ifquery` of the original stanza and of the built one;
//  - the xl.cfg grammar: snippets that xl accepts or rejects, which xenplan must agree on.
// A corpus file's `# expect: KIND SUBJECT, ...` lines name findings its summary must have.
// usage: node import_roundtrip_test.mjs XENPLAN_BINARY SOURCE_DIR STUB_LIBRARY
import YAML from 'yaml';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const [xenplan, src, stub] = process.argv.slice(2);
const XL = '/usr/lib/xen-4.17/bin/xl';
const corpus = path.join(src, 'tests/import/corpus');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'xenplan-import-'));
const stubEnv = { ...process.env, LD_PRELOAD: stub, XENPLAN_STUB_CPUS: '16' };
let failures = 0, passed = 0, compared = 0, ignoredLeaves = 0;
const fail = (msg) => { failures++; console.log(`FAIL: ${msg}`); };
const ok = (cond, msg) => (cond ? passed++ : fail(msg));
const run = (cmd, args, env) => spawnSync(cmd, args, { encoding: 'utf8', env: env || process.env });
const rel = (p) => path.relative(corpus, p);

const host = ['--host', 'corpus-host', '--cpus', '16', '--memory', '64GiB', '--xen', '4.17'];
const context = [...host, '--lvs', path.join(corpus, 'lvs.txt'), path.join(corpus, 'pools'),
  path.join(corpus, 'grub/fixed-dom0/default'), path.join(corpus, 'network')];

// Findings of the summary on standard error: {file, kind, subject}.
function findings(stderr) {
  const out = [];
  for (const line of stderr.split('\n')) {
    const m = /^(.+?)(?::\d+:\d+)?: (dropped|guessed|defaulted|rewritten|ignored) (\S+): /.exec(line);
    if (m) out.push({ file: m[1], kind: m[2], subject: m[3] });
  }
  return out;
}

function importAndBuild(args, tag) {
  const dir = fs.mkdtempSync(path.join(work, 'case-'));
  const yaml = path.join(dir, 'host.yaml');
  const imp = run(xenplan, ['import', ...args, '-o', yaml]);
  if (imp.status !== 0) { fail(`${tag}: xenplan import exits ${imp.status}: ${imp.stderr}`); return null; }
  const out = path.join(dir, 'out');
  const b = run(xenplan, ['build', yaml, '-o', out]);
  if (b.status !== 0) { fail(`${tag}: xenplan build of the import fails: ${b.stderr}`); return null; }
  return { dir, out, desc: YAML.parse(fs.readFileSync(yaml, 'utf8')), found: findings(imp.stderr) };
}

function xlJson(cfg) {
  const r = run(XL, ['-N', 'create', cfg], stubEnv);
  const at = r.stdout.indexOf('{');
  if (r.status !== 0 || at < 0) return { error: r.stderr || `exit ${r.status}` };
  return { json: JSON.parse(r.stdout.slice(at)) };
}

// Every leaf of a JSON document, by its path (segments joined with /; libxl's keys have dots).
function leaves(v, prefix = '', out = new Map()) {
  if (v !== null && typeof v === 'object') {
    const entries = Array.isArray(v) ? v.map((x, i) => [i, x]) : Object.entries(v);
    if (!entries.length) out.set(prefix, Array.isArray(v) ? '[]' : '{}');
    for (const [k, x] of entries) leaves(x, prefix ? `${prefix}/${k}` : String(k), out);
  } else {
    out.set(prefix, v);
  }
  return out;
}

// Where in libxl's JSON the xl.cfg key a finding names ends up.
const HVM = 'b_info/type.hvm';
const KEY_PATHS = {
  memory: ['b_info/target_memkb', 'b_info/max_memkb'], maxmem: ['b_info/max_memkb'],
  vcpus: ['b_info/max_vcpus', 'b_info/avail_vcpus'], maxvcpus: ['b_info/max_vcpus'],
  cpus: ['b_info/vcpu_hard_affinity', 'b_info/numa_placement'],
  cpus_soft: ['b_info/vcpu_soft_affinity', 'b_info/numa_placement'],
  pool: ['c_info/pool_name'], type: ['c_info/type'], builder: ['c_info/type'], uuid: ['c_info/uuid'],
  cpu_weight: ['b_info/sched_params/weight'], cap: ['b_info/sched_params/cap'],
  period: ['b_info/sched_params/period'], slice: ['b_info/sched_params/slice'],
  latency: ['b_info/sched_params/latency'], extratime: ['b_info/sched_params/extratime'],
  kernel: ['b_info/kernel'], ramdisk: ['b_info/ramdisk'], cmdline: ['b_info/cmdline'], root: ['b_info/cmdline'],
  extra: ['b_info/cmdline'], bootloader: ['b_info/bootloader'], bootloader_args: ['b_info/bootloader_args'],
  firmware: ['b_info/kernel', `${HVM}/bios`, `${HVM}/firmware`], bios: [`${HVM}/bios`],
  vnc: [`${HVM}/vnc/enable`, 'vfbs/0/vnc/enable'], vnclisten: [`${HVM}/vnc/listen`, 'vfbs/0/vnc/listen'],
  vncdisplay: [`${HVM}/vnc/display`, 'vfbs/0/vnc/display'], vncunused: [`${HVM}/vnc/findunused`, 'vfbs/0/vnc/findunused'],
  vncpasswd: [`${HVM}/vnc/passwd`, 'vfbs/0/vnc/passwd'], keymap: [`${HVM}/keymap`, 'vfbs/0/keymap'],
  sdl: [`${HVM}/sdl/enable`, 'vfbs/0/sdl/enable'], opengl: [`${HVM}/sdl/opengl`, 'vfbs/0/sdl/opengl'],
  display: [`${HVM}/sdl/display`, 'vfbs/0/sdl/display'], xauthority: [`${HVM}/sdl/xauthority`, 'vfbs/0/sdl/xauthority'],
  vga: [`${HVM}/vga`], stdvga: [`${HVM}/vga`], videoram: ['b_info/video_memkb'],
  usb: [`${HVM}/usb`], usbversion: [`${HVM}/usbversion`], usbdevice: [`${HVM}/usbdevice`, `${HVM}/usbdevice_list`],
  serial: [`${HVM}/serial`, `${HVM}/serial_list`], boot: [`${HVM}/boot`],
  device_model_version: ['b_info/device_model_version'], tsc_mode: ['b_info/tsc_mode'],
  localtime: ['b_info/localtime'], acpi: ['b_info/acpi'],
  viridian: [`${HVM}/viridian`, `${HVM}/viridian_enable`, `${HVM}/viridian_disable`],
  irqs: ['b_info/irqs'], ioports: ['b_info/ioports'], iomem: ['b_info/iomem'],
  on_poweroff: ['on_poweroff'], on_reboot: ['on_reboot'], on_crash: ['on_crash'], on_watchdog: ['on_watchdog'],
  autostart: [],
};
const DISK_FIELDS = { target: ['pdev_path'], devtype: ['is_cdrom', 'removable'], backendtype: ['backend'],
  specification: ['specification'], 'direct-io-safe': ['direct_io_safe'], colo: ['colo_enable'], 'no-colo': ['colo_enable'],
  'colo-host': ['colo_host'], 'colo-port': ['colo_port'], 'colo-export': ['colo_export'],
  'active-disk': ['active_disk'], 'hidden-disk': ['hidden_disk'] };
const VIF_FIELDS = { bridge: ['bridge'], mac: ['mac'], ip: ['ip'], script: ['script'], backend: ['backend_domname'],
  vifname: ['ifname'], model: ['model'], type: ['nictype'], rate: ['rate_bytes_per_interval', 'rate_interval_usecs'],
  mtu: ['mtu'], devid: ['devid'], gatewaydev: ['gatewaydev'], netdev: ['gatewaydev'] };
const VFB_FIELDS = { vnclisten: ['vnc/listen'], vncdisplay: ['vnc/display'], vncunused: ['vnc/findunused'],
  vncpasswd: ['vnc/passwd'], keymap: ['keymap'], sdl: ['sdl/enable'], opengl: ['sdl/opengl'],
  display: ['sdl/display'], xauthority: ['sdl/xauthority'] };
const DEVICES = { disk: ['disks', DISK_FIELDS], vif: ['nics', VIF_FIELDS], pci: ['pcidevs', {}], vfb: ['vfbs', VFB_FIELDS] };

// The JSON paths a finding's subject covers, or a whole device to take out of the original.
function subjectPaths(subject) {
  const device = /^(disk|vif|pci|vfb)\[(\d+)\](?:\.(.+))?$/.exec(subject);
  if (device) {
    const [list, fields] = DEVICES[device[1]];
    if (!device[3]) return { remove: [list, Number(device[2])] };
    const sub = fields[device[3]] || (device[1] === 'vif' && /^(trusted|untrusted)$/.test(device[3]) ? ['trusted'] : null);
    return sub && { paths: sub.map((f) => `${list}/${device[2]}/${f}`) };
  }
  return KEY_PATHS[subject] ? { paths: KEY_PATHS[subject] } : null;
}

function expectations(text) {
  return [...text.matchAll(/^# expect: (.*)$/gm)].flatMap((m) => m[1].split(',').map((s) => s.trim().split(/\s+/)));
}

function roundTripDomain(cfg) {
  const tag = rel(cfg);
  const text = fs.readFileSync(cfg, 'utf8');
  const orig = xlJson(cfg);
  if (orig.error) return fail(`${tag}: Debian's xl rejects the corpus file: ${orig.error}`);
  const r = importAndBuild([...context, cfg], tag);
  if (!r) return;
  const mine = r.found.filter((f) => f.file === cfg);
  for (const [kind, subject] of expectations(text))
    ok(mine.some((f) => f.kind === kind && f.subject === subject), `${tag}: the summary does not say \`${kind} ${subject}\``);
  const name = r.desc.domains[0].name;
  const built = xlJson(path.join(r.out, `etc/xen/xenplan/domains/${name}.cfg`));
  if (built.error) return fail(`${tag}: xl rejects the built xl.cfg: ${built.error}`);
  const a = orig.json, b = built.json;
  const ignore = new Set();
  if (!/^uuid\s*=/m.test(text)) ignore.add('c_info/uuid');
  const removals = [];
  for (const f of mine) {
    if (f.kind === 'ignored') continue;  // xl ignores it in the original too: nothing may differ
    const p = subjectPaths(f.subject);
    if (!p) { fail(`${tag}: the summary names \`${f.subject}\`, which this test cannot place in xl's JSON`); continue; }
    if (p.remove) removals.push(p.remove); else p.paths.forEach((x) => ignore.add(x));
  }
  removals.sort((x, y) => y[1] - x[1]).forEach(([list, i]) => { if (a[list]) a[list].splice(i, 1); });
  for (const list of ['disks', 'nics', 'pcidevs', 'vfbs', 'vkbs']) if (a[list] && !a[list].length) delete a[list];
  if (a.vfbs && b.vfbs === undefined) delete a.vkbs;
  const la = leaves(a), lb = leaves(b);
  // A leaf under an ignored path, or an emptied container above one ({} once its keys are out).
  const covered = (k) => [...ignore].some((p) => k === p || k.startsWith(`${p}/`) ||
    (p.startsWith(`${k}/`) && ['{}', '[]', undefined].includes(la.get(k)) && ['{}', '[]', undefined].includes(lb.get(k))));
  for (const k of new Set([...la.keys(), ...lb.keys()])) {
    if (covered(k)) { ignoredLeaves++; continue; }
    compared++;
    if (JSON.stringify(la.get(k)) !== JSON.stringify(lb.get(k)))
      fail(`${tag}: ${k}: xl read ${JSON.stringify(la.get(k))} from the original, ${JSON.stringify(lb.get(k))} from the build`);
    else passed++;
  }
}

// `xl cpupool-create -n` of each pool file and of the file xenplan builds for it.
function roundTripPools() {
  const r = importAndBuild([...context], 'pools');
  if (!r) return;
  const field = (out, label) => (new RegExp(`^${label}:\\s*(.*)$`, 'm').exec(out) || [])[1];
  for (const file of fs.readdirSync(path.join(corpus, 'pools')).sort()) {
    const orig = run(XL, ['cpupool-create', '-n', path.join(corpus, 'pools', file)], stubEnv);
    const name = field(orig.stdout, 'cpupool name');
    const built = run(XL, ['cpupool-create', '-n', path.join(r.out, `etc/xen/xenplan/pools/${name}.cfg`)], stubEnv);
    for (const label of ['cpupool name', 'scheduler', 'number of cpus']) {
      compared++;
      ok(field(orig.stdout, label) === field(built.stdout, label) && field(orig.stdout, label) !== undefined,
        `pools/${file}: ${label}: xl read ${field(orig.stdout, label)} from the original, ${field(built.stdout, label)} from the build`);
    }
  }
  for (const bridge of r.desc.host.bridges) roundTripBridge(bridge.name, r);
}

// The options of a Xen command line, as Xen takes them (the last of a name counts), normalised.
function xenOptions(line) {
  const out = new Map([['sched', 'credit2']]);
  const size = (s) => { const m = /^(\d+)([kKmMgGtTbB]?)$/.exec(s); return m && Number(m[1]) * 1024 ** ('bkmgt'.indexOf((m[2] || 'k').toLowerCase())); };
  for (const word of line.split(/\s+/).filter(Boolean)) {
    const [name, ...rest] = word.split('=');
    let value = rest.join('=');
    if (name === 'dom0_mem') value = value.split(',').map((p) => (p.includes(':') ? `${p.split(':')[0]}:${size(p.split(':')[1])}` : size(p))).join(',');
    if (name === 'iommu') value = { 1: 'on', true: 'on', yes: 'on', enable: 'on', 0: 'off', false: 'off', no: 'off', force: 'required' }[value] || value;
    if (name === 'dom0_vcpus_pin') value = '';
    out.set(name, value);
  }
  return out;
}

function grubLine(files) {
  const script = 'grub_warn() { :; }; gettext() { printf %s "$1"; }; ' + files.map((f) => `. '${f}';`).join(' ') +
    ' printf "%s\\n%s" "$GRUB_CMDLINE_XEN $GRUB_CMDLINE_XEN_DEFAULT" "$GRUB_CMDLINE_LINUX_XEN_REPLACE_DEFAULT"';
  return spawnSync('env', ['-i', 'sh', '-c', script], { encoding: 'utf8' }).stdout.split('\n');
}

function roundTripGrub(variant) {
  const base = path.join(corpus, 'grub', variant, 'default');
  const dropins = fs.readdirSync(path.join(base, 'grub.d')).filter((f) => f.endsWith('.cfg')).sort();
  const r = importAndBuild([...host, base], `grub/${variant}`);
  if (!r) return;
  const ours = path.join(r.out, 'etc/default/grub.d/zz-xenplan.cfg');
  const before = grubLine([path.join(base, 'grub'), ...dropins.map((f) => path.join(base, 'grub.d', f))]);
  const after = grubLine([path.join(base, 'grub'), ...dropins.filter((f) => f !== 'zz-xenplan.cfg').map((f) => path.join(base, 'grub.d', f)), ours]);
  const reported = new Set(r.found.filter((f) => f.kind !== 'ignored').map((f) => f.subject));
  const a = xenOptions(before[0]), b = xenOptions(after[0]);
  for (const k of new Set([...a.keys(), ...b.keys()])) {
    if (reported.has(k)) { ignoredLeaves++; continue; }
    compared++;
    ok(a.get(k) === b.get(k), `grub/${variant}: Xen option ${k}: ${a.get(k)} before xenplan's drop-in, ${b.get(k)} after`);
  }
  // The kernel takes the last xen-pciback.hide= of its command line.
  const hide = (s) => {
    const last = (s || '').split(/\s+/).filter((w) => w.startsWith('xen-pciback.hide=')).pop() || '';
    return [...last.matchAll(/\(([0-9a-f:.]+)\)/g)].map((m) => m[1]).join(' ');
  };
  compared++;
  ok(hide(before[1]) === hide(after[1]), `grub/${variant}: xen-pciback.hide: ${hide(before[1])} before, ${hide(after[1])} after`);
}

// An ifupdown stanza's method and options, as ifquery reads them; address and netmask as CIDR.
function stanza(file, name) {
  const text = fs.readFileSync(file, 'utf8');
  const method = (new RegExp(`^iface ${name} inet (\\S+)`, 'm').exec(text) || [])[1];
  const copy = path.join(work, `q-${name}`);
  fs.writeFileSync(copy, text.replace(/^source.*$/gm, ''));
  const q = run('ifquery', ['-i', copy, name]);
  const opts = new Map(q.stdout.split('\n').filter(Boolean).map((l) => l.split(': ')).map(([k, v]) => [k.replace(/-/g, '_'), v]));
  if (opts.has('netmask')) {
    const bits = opts.get('netmask').split('.').reduce((n, o) => n + [...Number(o).toString(2)].filter((c) => c === '1').length, 0);
    opts.set('address', `${opts.get('address')}/${bits}`);
    opts.delete('netmask');
  }
  return { method, opts, ok: q.status === 0 };
}

function roundTripBridge(name, r) {
  const files = [path.join(corpus, 'network/interfaces'), ...fs.readdirSync(path.join(corpus, 'network/interfaces.d')).map((f) => path.join(corpus, 'network/interfaces.d', f))];
  const file = files.find((f) => new RegExp(`^iface ${name} `, 'm').test(fs.readFileSync(f, 'utf8')));
  if (!file) return;  // a bridge the import had to guess
  const a = stanza(file, name), b = stanza(path.join(r.out, `etc/network/interfaces.d/xenplan-${name}`), name);
  ok(a.ok && b.ok, `bridge ${name}: ifquery rejects a stanza`);
  const reported = new Set(r.found.filter((f) => f.kind !== 'ignored' && f.subject.startsWith(`${name}.`)).map((f) => f.subject.slice(name.length + 1)));
  compared++;
  ok(a.method === b.method, `bridge ${name}: inet ${a.method} in the original, inet ${b.method} built`);
  for (const k of new Set([...a.opts.keys(), ...b.opts.keys()])) {
    if (reported.has(k)) { ignoredLeaves++; continue; }
    compared++;
    ok(a.opts.get(k) === b.opts.get(k), `bridge ${name}: ${k}: ${a.opts.get(k)} in the original, ${b.opts.get(k)} built`);
  }
}

// xl's grammar and xenplan's agree on what is an xl.cfg: each snippet after a valid domain.
const SNIPPETS = ['x = "a\\"b"', "x = 'it\\'s'", 'x = "\\101\\102"', 'x = "\\x41"', 'x = "\\1"', 'x = "\\q"',
  'x = 1; y = 2', 'x = [ "a", ]', 'x = [ , ]', 'x = [ "a" "b" ]', 'x = [\n"a", # c\n"b"\n]', 'x = [ [ "a" ], [] ]',
  'x = 0x1f', 'x = 1e5', 'x = 12g', 'X = 1', 'x.y_z = 1', 'x += "a"', 'x = "a"\nx += [ "b" ]', 'x = pv',
  'x = "a" # comment', '# comment without a line break', 'x = "a"\r', 'x = 1 + 2', 'x = (1)', 'x =', '= 1',
  'x = "unterminated', 'x = ""', "x = ''", 'x\t=\t"tab"', 'x = [ "a",\n\n  "b", ]'];

function grammarAgreement() {
  SNIPPETS.forEach((snippet, i) => {
    const cfg = path.join(work, `grammar-${i}.cfg`);
    fs.writeFileSync(cfg, `name = "g${i}"\nkernel = "/k"\nmemory = 64\n${snippet}` + (snippet.startsWith('#') ? '' : '\n'));
    const xl = run(XL, ['-N', 'create', cfg], stubEnv).status === 0;
    const imp = run(xenplan, ['import', ...host, cfg]);
    const ours = imp.status === 0;
    compared++;
    ok(xl === ours, `grammar: xl ${xl ? 'accepts' : 'rejects'} ${JSON.stringify(snippet)}, xenplan import ${ours ? 'accepts' : 'rejects'} it: ${imp.stderr.split('\n')[0]}`);
  });
}

const domains = fs.readdirSync(path.join(corpus, 'domains')).filter((f) => f.endsWith('.cfg')).sort();
ok(domains.length >= 40, `only ${domains.length} xl.cfg files in the corpus`);
const readme = fs.readFileSync(path.join(corpus, 'README.md'), 'utf8');
for (const f of [...domains.map((d) => `domains/${d}`), ...fs.readdirSync(path.join(corpus, 'pools')).map((p) => `pools/${p}`)])
  ok(readme.includes(`\`${f}\``), `tests/import/corpus/README.md has no line for ${f}`);
for (const d of domains) roundTripDomain(path.join(corpus, 'domains', d));
roundTripPools();
for (const variant of fs.readdirSync(path.join(corpus, 'grub')).sort()) roundTripGrub(variant);
grammarAgreement();
fs.rmSync(work, { recursive: true });
console.log(`import round trip: ${domains.length} xl.cfg files, ${compared} fields compared, ${ignoredLeaves} left out as the summaries report`);
console.log(`${passed} passed, ${failures} failed`);
process.exit(failures === 0 ? 0 : 1);
