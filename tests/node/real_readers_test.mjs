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
  expect(tag('uuid'), j.c_info.uuid, d.uuid ? d.uuid.toLowerCase() : uuidV5(XENPLAN_NAMESPACE, `${desc.host.name}/${d.name}`));
  expect(tag('type'), j.c_info.type, d.type || 'pv');
  expect(tag('pool_name'), j.c_info.pool_name, d.pool);
  expect(tag('max_memkb'), b.max_memkb, kib(d.maxmem || d.memory));
  expect(tag('target_memkb'), b.target_memkb, kib(d.memory));
  const vcpus = d.vcpus || 1;
  expect(tag('max_vcpus'), b.max_vcpus, d.maxvcpus || vcpus);
  expect(tag('avail_vcpus'), b.avail_vcpus, Array.from({ length: vcpus }, (_, i) => i));
  const maxvcpus = d.maxvcpus || vcpus;
  const perVcpu = Array.isArray(d.cpus) && d.cpus.length && typeof d.cpus[0] === 'string';
  const wantedAffinity = pinning.length ? pinning.map((c) => [c])
    : perVcpu ? d.cpus.map(expand)
    : d.cpus !== undefined ? Array.from({ length: maxvcpus }, () => expand(d.cpus)) : undefined;
  expect(tag('vcpu_hard_affinity'), b.vcpu_hard_affinity, wantedAffinity);
  expect(tag('vcpu_soft_affinity'), b.vcpu_soft_affinity,
    d.cpus_soft !== undefined ? Array.from({ length: maxvcpus }, () => expand(d.cpus_soft)) : undefined);
  for (const key of ['kernel', 'ramdisk', 'bootloader', 'bootloader_args']) expect(tag(key), b[key], d[key]);
  // xl joins root= and extra only without cmdline; xenplan writes the joined line as cmdline.
  const cmdline = [d.root && `root=${d.root}`, d.cmdline, d.extra].filter(Boolean).join(' ');
  expect(tag('cmdline'), b.cmdline, cmdline || undefined);
  const vgs = Object.fromEntries((desc.host.volume_groups || []).map((g) => [g.name, g]));
  expect(tag('disks'), (j.disks || []).map((x) => [x.pdev_path, x.vdev, x.format, x.readwrite || 0, x.is_cdrom || 0,
    x.discard_enable, x.backend_domname, x.script]),
    (d.disks || []).map((x) => [x.volume ? `/dev/${vgs[x.volume.group].name}/${d.name}-${x.vdev}` : x.file || x.device,
      x.vdev, x.cdrom && !(x.volume || x.file || x.device) ? 'empty' : x.format || 'raw', x.access === 'ro' || x.cdrom ? 0 : 1,
      x.cdrom ? 1 : 0,
      x.discard === undefined ? undefined : x.discard ? 'True' : 'False', x.backend, x.script]));
  expect(tag('nics'), (j.nics || []).map((n) => [n.bridge, n.mac, n.ip, n.model, n.ifname, n.script, n.backend_domname,
    n.nictype, n.rate_bytes_per_interval, n.rate_interval_usecs]),
    (d.networks || []).map((n) => [n.bridge, n.mac, n.ip, n.model, n.vifname, n.script, n.backend,
      n.type === 'vif' ? 'vif' : n.type === 'ioemu' ? 'vif_ioemu' : undefined, ...vifRate(n.rate)]));
  checkPassthrough(tag, j, b, d);
  checkEmulated(tag, j, b, d);
  const credit = d.credit || {};
  expect(tag('sched_params'), [b.sched_params.weight, b.sched_params.cap], [credit.weight, credit.cap]);
  expect(tag('on_poweroff'), j.on_poweroff || 'destroy', d.on_poweroff || 'destroy');
  expect(tag('on_reboot'), j.on_reboot || 'restart', d.on_reboot || 'restart');
  expect(tag('on_crash'), j.on_crash || 'destroy', d.on_crash || 'destroy');
  expect(tag('on_watchdog'), j.on_watchdog || 'destroy', (d.on_watchdog || 'destroy').replaceAll('-', '_'));
  for (const [key, value] of Object.entries(d.xl || {})) {
    const read = xlReadBack[key];
    if (read) expect(tag(`xl.${key}`), read(j, value), value);
    else ok(false, `${tag(`xl.${key}`)}: this test does not know where xl puts it; add it to xlReadBack`);
  }
}

// xl's reading of a vif rate: bytes per interval, and the interval in µs (default 50ms).
function vifRate(rate) {
  if (rate === undefined) return [undefined, undefined];
  const m = /^(\d+)([GMK]?)([Bb])\/s(?:@(\d+)(us|ms|s))?$/.exec(rate);
  const perSecond = Number(m[1]) * { '': 1, K: 1e3, M: 1e6, G: 1e9 }[m[2]] / (m[3] === 'b' ? 8 : 1);
  const interval = m[4] === undefined ? 50000 : Number(m[4]) * { us: 1, ms: 1000, s: 1e6 }[m[5]];
  return [perSecond * interval / 1e6, interval];
}

function checkPassthrough(tag, j, b, d) {
  const bdf = (text) => {
    const m = /^(?:([0-9a-f]{1,4}):)?([0-9a-f]{1,2}):([0-9a-f]{1,2})\.([0-7])(?:@([0-9a-f]{1,2}))?$/i.exec(text);
    return [parseInt(m[1] || '0', 16), parseInt(m[2], 16), parseInt(m[3], 16), Number(m[4]), m[5] && parseInt(m[5], 16)];
  };
  expect(tag('pcidevs'), (j.pcidevs || []).map((p) => [p.domain || 0, p.bus || 0, p.dev || 0, p.func || 0,
    p.vdevfn === undefined ? undefined : p.vdevfn >> 3, !!p.permissive, !!p.seize, !!p.msitranslate, !!p.power_mgmt, p.rdm_policy]),
    (d.pci || []).map((p) => {
      const e = typeof p === 'string' ? { bdf: p } : p;
      return [...bdf(e.bdf), !!e.permissive, !!e.seize, !!e.msitranslate, !!e.power_mgmt, e.rdm_policy || 'strict'];
    }));
  expect(tag('irqs'), b.irqs, d.irqs);
  expect(tag('ioports'), b.ioports, d.ioports && d.ioports.map((r) => {
    const [first, last] = r.split('-').map((x) => parseInt(x, 16));
    return { first, number: (last === undefined ? first : last) - first + 1 };
  }));
  expect(tag('iomem'), b.iomem && b.iomem.map((m) => [m.start, m.number, m.gfn]), d.iomem && d.iomem.map((m) =>
    [parseInt(m.start, 16), m.pages, m.gfn === undefined ? undefined : parseInt(m.gfn, 16)]));
}

// The emulated hardware of HVM guests (type.hvm), and the framebuffer of PV and PVH guests.
function checkEmulated(tag, j, b, d) {
  const hvm = b['type.hvm'] || {};
  const yes = (v) => (v === undefined ? undefined : v ? 'True' : 'False');
  const vnc = d.vnc && { enable: 'True', listen: d.vnc.listen || '127.0.0.1',
    ...(d.vnc.display === undefined || d.vnc.display === 'auto' ? { findunused: 'True' } : { display: d.vnc.display }) };
  if (d.type === 'hvm') {
    expect(tag('vnc'), hvm.vnc && Object.keys(hvm.vnc).length ? hvm.vnc : undefined, vnc);
    expect(tag('vga'), hvm.vga && hvm.vga.kind, { stdvga: 'std', cirrus: 'cirrus', none: 'none' }[d.vga]);
    expect(tag('serial'), hvm.serial, d.serial);
    expect(tag('boot'), hvm.boot, d.boot && d.boot.map((x) => ({ disk: 'c', cdrom: 'd', network: 'n' }[x])).join(''));
    expect(tag('bios'), hvm.bios, { uefi: 'ovmf', bios: 'seabios' }[d.firmware]);
    expect(tag('usb'), [hvm.usb, hvm.usbdevice_list, hvm.usbversion],
      [d.usb && d.usb.devices ? 'True' : undefined, d.usb && d.usb.devices, d.usb && d.usb.version]);
    expect(tag('viridian'), hvm.viridian, yes(d.viridian));
    expect(tag('video_memkb'), b.video_memkb, d.videoram && kib(d.videoram));
    expect(tag('localtime'), b.localtime, yes(d.localtime));
    expect(tag('acpi'), b.acpi, yes(d.acpi));
  } else {
    expect(tag('vfbs'), (j.vfbs || []).map((v) => v.vnc), d.vnc ? [vnc] : []);
  }
  expect(tag('tsc_mode'), b.tsc_mode, d.tsc_mode === 'default' ? undefined : d.tsc_mode);
  expect(tag('device_model_version'), b.device_model_version,
    d.device_model_version && d.device_model_version.replaceAll('-', '_'));
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
  const hasPci = (desc.domains || []).some((d) => d.pci && d.pci.length);
  const ownIommu = (desc.host.xen.options || []).some((o) => o.startsWith('iommu='));
  const iommu = desc.host.xen.iommu || (hasPci && !ownIommu ? 'on' : undefined);
  const line = [`dom0_mem=${mib}M,max:${mib}M`, `dom0_max_vcpus=${desc.host.dom0.vcpus}`, ...(desc.host.dom0.pin ? ['dom0_vcpus_pin'] : []),
    `sched=${(desc.host.xen.scheduler === null ? 'null' : desc.host.xen.scheduler) || 'credit2'}`,
    ...(iommu ? [`iommu=${iommu}`] : []), ...(desc.host.xen.options || [])].join(' ');
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
