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
import crypto from 'node:crypto';
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
// RFC 4122 version 5, written here from the RFC, independently of xenplan's C++.
const XENPLAN_NAMESPACE = '6ca9060d-f0a5-4af9-80e9-97ef5da98709';
const uuidV5 = (ns, name) => {
  const h = crypto.createHash('sha1').update(Buffer.from(ns.replace(/-/g, ''), 'hex')).update(name, 'utf8').digest();
  h[6] = (h[6] & 0x0f) | 0x50;
  h[8] = (h[8] & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
};
const xl = (args, env = {}) => spawnSync(XL, args, { encoding: 'utf8', env: { ...process.env, LD_PRELOAD: stub, ...env } });

function checkDomain(desc, d, cfg, pinning) {
  const r = xl(['-N', 'create', cfg], { XENPLAN_STUB_CPUS: String(desc.host.cpus) });
  const at = r.stdout.indexOf('{');
  if (r.status !== 0 || at < 0) { ok(false, `xl -N create ${d.name}: ${r.stderr}`); return; }
  const j = JSON.parse(r.stdout.slice(at)), b = j.b_info;
  const tag = (field) => `${desc.host.name}/${d.name}: ${field}`;
  expect(tag('name'), j.c_info.name, d.name);
  expect(tag('uuid'), j.c_info.uuid, uuidV5(XENPLAN_NAMESPACE, `${desc.host.name}/${d.name}`));
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
