// The artifacts in front of the real programs that read them on a host (Debian 12 packages):
//  - every xl.cfg through Debian's xl (`xl -N create`, with tests/xl/xen_stub.so standing in for
//    the hypervisor), every pool file through `xl cpupool-create -n`, and what xl understood
//    compared field by field with the description (read here independently, by the yaml package);
//  - GRUB menu entries through grub-script-check, the defaults drop-in sourced by sh;
//  - bridge stanzas through ifquery; the systemd unit through systemd-analyze verify (when the
//    machine runs systemd).
// usage: node real_readers_test.mjs XENPLAN_BINARY SOURCE_DIR STUB_LIBRARY
import YAML from 'yaml';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const [xenplan, src, stub] = process.argv.slice(2);
const XL = '/usr/lib/xen-4.17/bin/xl';
let failures = 0, passed = 0;
const expect = (what, actual, wanted) => {
  if (JSON.stringify(actual) === JSON.stringify(wanted)) passed++;
  else { failures++; console.log(`FAIL: ${what}: xl read ${JSON.stringify(actual)}, the description says ${JSON.stringify(wanted)}`); }
};
const ok = (cond, msg) => { if (cond) passed++; else { failures++; console.log(`FAIL: ${msg}`); } };

const KiB = { KiB: 1, MiB: 1024, GiB: 1024 ** 2, TiB: 1024 ** 3 };
const kib = (size) => { const m = /^(\d+)(KiB|MiB|GiB|TiB)$/.exec(size); return Number(m[1]) * KiB[m[2]]; };
const expand = (set) => {
  if (Array.isArray(set)) return set;
  return String(set).split(',').flatMap((part) => {
    const [a, b] = part.split('-').map(Number);
    return b === undefined ? [a] : Array.from({ length: b - a + 1 }, (_, i) => a + i);
  });
};
const xl = (args, env = {}) => spawnSync(XL, args, { encoding: 'utf8', env: { ...process.env, LD_PRELOAD: stub, ...env } });

// What xl read for each `xl:` key, in the description's terms (xl's JSON prints booleans as
// "True"/"False", sizes in KiB, cpuid as leaves of 32-character bit strings, MSB first). Every key
// an input passes through needs an entry here.
const bool = (v) => (v === 'True' ? true : v === 'False' ? false : v);
const hvm = (j) => j.b_info['type.hvm'] || {};
const CPUID_BITS = { x2apic: [0x1, 'ecx', 21], rdtscp: [0x80000001, 'edx', 27] };
function cpuidRead(j, wanted) {
  const leaves = (j.b_info.cpuid || {}).cpuid || [];
  if (Array.isArray(wanted)) {  // xend form: one "leaf:reg=bits,..." string per leaf
    return leaves.map((l) => `0x${l.leaf.toString(16)}:` + ['eax', 'ebx', 'ecx', 'edx'].filter((r) => l[r]).map((r) => `${r}=${l[r]}`).join(','));
  }
  return ['host', ...wanted.split(',').slice(1).map((f) => {  // libxl form: "host,feature=0,..."
    const [name] = f.split('=');
    const [leaf, reg, bit] = CPUID_BITS[name];
    const l = leaves.find((x) => x.leaf === leaf);
    return `${name}=${l && l[reg] ? l[reg][31 - bit] : '?'}`;
  })].join(',');
}
const xlReadBack = {
  shadow_memory: (j) => j.b_info.shadow_memkb / 1024,
  hap: (j) => bool(j.c_info.hap),
  nestedhvm: (j) => bool(j.b_info.nested_hvm),
  nomigrate: (j) => bool(j.b_info.disable_migrate),
  e820_host: (j) => bool(j.b_info['type.pv'].e820_host),
  cpuid: cpuidRead,
  altp2m: (j) => j.b_info.altp2m,
  hpet: (j) => bool(hvm(j).hpet),
  timer_mode: (j) => j.b_info.timer_mode,
  rtc_timeoffset: (j) => j.b_info.rtc_timeoffset,
  max_grant_frames: (j) => j.b_info.max_grant_frames,
  max_event_channels: (j) => j.b_info.event_channels,
  keymap: (j) => hvm(j).keymap,
  mca_caps: (j) => (hvm(j).mca_caps & 1 ? ['lmce'] : []),
  device_model_args_hvm: (j) => j.b_info.extra_hvm,
  vnuma: (j) => (j.b_info.vnuma_nodes || []).map((n) => [`pnode=${n.pnode || 0}`, `size=${n.memkb / 1024}`,
    `vcpus=${n.vcpus.join(',')}`, `vdistances=${n.distances.join(',')}`]),
  on_soft_reset: (j) => j.on_soft_reset,
};

function checkDomain(desc, d, cfg, pinning) {
  const r = xl(['-N', 'create', cfg], { XENPLAN_STUB_CPUS: String(desc.host.cpus) });
  const at = r.stdout.indexOf('{');
  if (r.status !== 0 || at < 0) { ok(false, `xl -N create ${d.name}: ${r.stderr}`); return; }
  const j = JSON.parse(r.stdout.slice(at)), b = j.b_info;
  const tag = (field) => `${desc.host.name}/${d.name}: ${field}`;
  expect(tag('name'), j.c_info.name, d.name);
  expect(tag('type'), j.c_info.type, d.type || 'pv');
  expect(tag('pool_name'), j.c_info.pool_name, d.pool);
  expect(tag('max_memkb'), b.max_memkb, kib(d.maxmem || d.memory));
  expect(tag('target_memkb'), b.target_memkb, kib(d.memory));
  const vcpus = d.vcpus || 1;
  expect(tag('max_vcpus'), b.max_vcpus, d.maxvcpus || vcpus);
  expect(tag('avail_vcpus'), b.avail_vcpus, Array.from({ length: vcpus }, (_, i) => i));
  const wantedAffinity = pinning.length ? pinning.map((c) => [c])
    : d.cpus !== undefined ? Array.from({ length: d.maxvcpus || vcpus }, () => expand(d.cpus)) : undefined;
  expect(tag('vcpu_hard_affinity'), b.vcpu_hard_affinity, wantedAffinity);
  for (const key of ['kernel', 'ramdisk', 'cmdline', 'bootloader']) expect(tag(key), b[key], d[key]);
  const vgs = Object.fromEntries((desc.host.volume_groups || []).map((g) => [g.name, g]));
  expect(tag('disks'), (j.disks || []).map((x) => [x.pdev_path, x.vdev, x.format, x.readwrite || 0]),
    (d.disks || []).map((x) => [x.volume ? `/dev/${vgs[x.volume.group].name}/${d.name}-${x.vdev}` : x.file || x.device,
      x.vdev, x.format || 'raw', x.access === 'ro' ? 0 : 1]));
  expect(tag('nics'), (j.nics || []).map((n) => [n.bridge, n.mac]), (d.networks || []).map((n) => [n.bridge, n.mac]));
  expect(tag('on_poweroff'), j.on_poweroff || 'destroy', d.on_poweroff || 'destroy');
  expect(tag('on_reboot'), j.on_reboot || 'restart', d.on_reboot || 'restart');
  expect(tag('on_crash'), j.on_crash || 'destroy', d.on_crash || 'destroy');
  for (const [key, value] of Object.entries(d.xl || {})) {
    const read = xlReadBack[key];
    if (read) expect(tag(`xl.${key}`), read(j, value), value);
    else ok(false, `${tag(`xl.${key}`)}: this test does not know where xl puts it; add it to xlReadBack`);
  }
}

function checkPool(desc, p, cfg) {
  const r = xl(['cpupool-create', '-n', cfg], { XENPLAN_STUB_CPUS: String(desc.host.cpus) });
  const field = (label) => (new RegExp(`^${label}:\\s*(.*)$`, 'm').exec(r.stdout) || [])[1];
  const tag = (f) => `${desc.host.name}/pool ${p.name}: ${f}`;
  ok(r.status === 0, `${tag('xl cpupool-create -n')}: ${r.stderr}`);
  expect(tag('name'), field('cpupool name'), p.name);
  expect(tag('sched'), field('scheduler'), p.scheduler === null ? 'null' : p.scheduler);
  expect(tag('cpus'), Number(field('number of cpus')), expand(p.cpus).length);
}

function checkHostFiles(desc, out) {
  const menu = path.join(out, 'etc/grub.d/42_xenplan');
  if (fs.existsSync(menu)) {
    const entries = spawnSync('sh', [menu], { encoding: 'utf8' }).stdout;
    const file = path.join(out, 'menu.cfg');
    fs.writeFileSync(file, entries);
    const g = spawnSync('grub-script-check', [file], { encoding: 'utf8' });
    ok(g.status === 0, `${desc.host.name}: grub-script-check rejects the menu entry: ${g.stdout}${g.stderr}`);
    ok(entries.includes(`placeholder dom0_mem=`), `${desc.host.name}: the menu entry passes the Xen options`);
  }
  const dropin = path.join(out, 'etc/default/grub.d/zz-xenplan.cfg');
  const vars = spawnSync('env', ['-i', 'sh', '-c', `. '${dropin}'; printf '%s\\n%s' "$GRUB_CMDLINE_XEN_DEFAULT" "$XEN_OVERRIDE_GRUB_DEFAULT"`], { encoding: 'utf8' }).stdout.split('\n');
  const mib = kib(desc.host.dom0.memory) / 1024;
  const line = [`dom0_mem=${mib}M,max:${mib}M`, `dom0_max_vcpus=${desc.host.dom0.vcpus}`, ...(desc.host.dom0.pin ? ['dom0_vcpus_pin'] : []),
    `sched=${(desc.host.xen.scheduler === null ? 'null' : desc.host.xen.scheduler) || 'credit2'}`, ...(desc.host.xen.options || [])].join(' ');
  expect(`${desc.host.name}: GRUB_CMDLINE_XEN_DEFAULT`, vars[0], line);
  expect(`${desc.host.name}: XEN_OVERRIDE_GRUB_DEFAULT`, vars[1], '1');
  for (const bridge of desc.host.bridges || []) {
    const stanza = path.join(out, `etc/network/interfaces.d/xenplan-${bridge.name}`);
    const q = spawnSync('ifquery', ['-i', stanza, bridge.name], { encoding: 'utf8' });
    ok(q.status === 0, `${desc.host.name}: ifquery rejects bridge ${bridge.name}: ${q.stderr}`);
    const ports = (/^bridge_ports: (.*)$/m.exec(q.stdout) || [])[1];
    expect(`${desc.host.name}: bridge ${bridge.name} ports`, ports, (bridge.ports || []).join(' ') || 'none');
  }
  if (fs.existsSync('/run/systemd/system')) {
    const v = spawnSync('systemd-analyze', ['verify', path.join(out, 'etc/systemd/system/xenplan.service')], { encoding: 'utf8' });
    ok(!/xenplan.service:\d+:/.test(v.stderr), `${desc.host.name}: systemd-analyze verify: ${v.stderr}`);
  }
}

// Every example and every golden case that builds (most golden cases are invalid on purpose).
const inputs = ['examples', 'tests/golden/check', 'tests/golden/analyze', 'tests/golden/readers'].flatMap((dir) =>
  fs.readdirSync(path.join(src, dir)).filter((f) => f.endsWith('.yaml')).sort().map((f) => `${dir}/${f}`));
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'xenplan-readers-'));
let built = 0;
for (const input of inputs) {
  const out = path.join(work, String(built + 1));
  const b = spawnSync(xenplan, ['build', path.join(src, input), '-o', out], { encoding: 'utf8' });
  if (b.status !== 0) {
    ok(!input.startsWith('examples/') && !input.startsWith('tests/golden/readers/'), `${input} does not build: ${b.stderr}`);
    continue;
  }
  ++built;
  const desc = YAML.parse(fs.readFileSync(path.join(src, input), 'utf8'));
  const report = JSON.parse(fs.readFileSync(path.join(out, 'var/lib/xenplan/report.json'), 'utf8'));
  for (const d of desc.domains || []) {
    const pinning = report.pools.flatMap((p) => p.vcpus).filter((v) => v.domain === d.name && v.pinned_cpu !== undefined).map((v) => v.pinned_cpu);
    checkDomain(desc, d, path.join(out, `etc/xen/xenplan/domains/${d.name}.cfg`), pinning);
  }
  for (const p of desc.pools || []) checkPool(desc, p, path.join(out, `etc/xen/xenplan/pools/${p.name}.cfg`));
  checkHostFiles(desc, out);
}
fs.rmSync(work, { recursive: true });
ok(built >= 10, `only ${built} descriptions built`);
console.log(`real readers: ${built} descriptions built and read back`);
console.log(`${passed} passed, ${failures} failed`);
process.exit(failures === 0 ? 0 : 1);
