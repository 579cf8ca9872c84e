/* An LD_PRELOAD library that lets Debian's real `xl` parse configurations without a hypervisor:
 * `xl -N create FILE` (dry run) and `xl cpupool-create -n FILE`. libxl opens the hypervisor and
 * xenstore at start-up; these stand-ins answer as a host of XENPLAN_STUB_CPUS CPUs (default 8) and
 * XENPLAN_STUB_MEMORY_MIB MiB (default 65536) would, with only Pool-0 and every CPU but CPU 0
 * free for new pools. Compiled against Debian's own libxen-dev headers, so the layouts match. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <xenctrl.h>
#include <xenstore.h>

static int env_int(const char *name, int fallback) {
  const char *v = getenv(name);
  return v && *v ? atoi(v) : fallback;
}
static int cpus(void) { return env_int("XENPLAN_STUB_CPUS", 8); }

static char handle_storage[64];  /* opaque handles: callers only pass them back */

xc_interface *xc_interface_open(xentoollog_logger *logger, xentoollog_logger *dombuild_logger, unsigned open_flags) {
  (void)logger, (void)dombuild_logger, (void)open_flags;
  return (xc_interface *)handle_storage;
}
int xc_interface_close(xc_interface *xch) { (void)xch; return 0; }

int xc_version(xc_interface *xch, int cmd, void *arg) {
  (void)xch;
  switch (cmd) {
    case XENVER_version: return (4 << 16) | 17;
    case XENVER_extraversion: strcpy((char *)arg, ".0"); return 0;
    case XENVER_capabilities: strcpy((char *)arg, "xen-3.0-x86_64 hvm-3.0-x86_32 hvm-3.0-x86_64"); return 0;
    case XENVER_pagesize: return 4096;
    case XENVER_changeset: strcpy((char *)arg, "xenplan-stub"); return 0;
    case XENVER_compile_info: memset(arg, 0, sizeof(xen_compile_info_t)); return 0;
    case XENVER_platform_parameters: memset(arg, 0, sizeof(xen_platform_parameters_t)); return 0;
    case XENVER_commandline: memset(arg, 0, sizeof(xen_commandline_t)); return 0;
    default: return 0;
  }
}

int xc_physinfo(xc_interface *xch, xc_physinfo_t *info) {
  (void)xch;
  memset(info, 0, sizeof(*info));
  info->threads_per_core = 1;
  info->cores_per_socket = (uint32_t)cpus();
  info->nr_cpus = (uint32_t)cpus();
  info->max_cpu_id = (uint32_t)cpus() - 1;
  info->nr_nodes = 1;
  info->max_node_id = 0;
  info->cpu_khz = 2000000;
  info->total_pages = (uint64_t)env_int("XENPLAN_STUB_MEMORY_MIB", 65536) * 256;
  info->free_pages = info->total_pages / 2;
  info->capabilities = XEN_SYSCTL_PHYSCAP_hvm | XEN_SYSCTL_PHYSCAP_pv | XEN_SYSCTL_PHYSCAP_hap;
  return 0;
}

int xc_get_max_cpus(xc_interface *xch) { (void)xch; return cpus(); }
int xc_get_online_cpus(xc_interface *xch) { (void)xch; return cpus(); }
int xc_get_max_nodes(xc_interface *xch) { (void)xch; return 1; }
long xc_memory_op(xc_interface *xch, unsigned int cmd, void *arg, size_t len) {
  (void)xch, (void)cmd, (void)arg, (void)len;
  return 0;
}
long xc_sharing_freed_pages(xc_interface *xch) { (void)xch; return 0; }
long xc_sharing_used_frames(xc_interface *xch) { (void)xch; return 0; }

static xc_cpumap_t cpumap_of(int first) {
  const int bytes = (cpus() + 7) / 8;
  uint8_t *map = calloc((size_t)bytes, 1);
  for (int c = first; c < cpus(); ++c) map[c / 8] |= (uint8_t)(1u << (c % 8));
  return map;
}

xc_cpupoolinfo_t *xc_cpupool_getinfo(xc_interface *xch, uint32_t poolid) {
  (void)xch;
  if (poolid != 0) {
    errno = ENOENT;
    return NULL;
  }
  xc_cpupoolinfo_t *info = calloc(1, sizeof(*info));
  info->cpupool_id = 0;
  info->sched_id = XEN_SCHEDULER_CREDIT2;
  info->n_dom = 1;
  info->cpumap = cpumap_of(0);
  return info;
}
void xc_cpupool_infofree(xc_interface *xch, xc_cpupoolinfo_t *info) {
  (void)xch;
  if (info) free(info->cpumap);
  free(info);
}
xc_cpumap_t xc_cpupool_freeinfo(xc_interface *xch) { (void)xch; return cpumap_of(1); }
/* The boot scheduler, which `xl cpupool-create` gives a pool whose file has no `sched`. */
int xc_sched_id(xc_interface *xch, int *sched_id) {
  (void)xch;
  *sched_id = XEN_SCHEDULER_CREDIT2;
  return 0;
}

struct xs_handle *xs_open(unsigned long flags) { (void)flags; return (struct xs_handle *)handle_storage; }
struct xs_handle *xs_daemon_open(void) { return (struct xs_handle *)handle_storage; }
void xs_close(struct xs_handle *xsh) { (void)xsh; }
void xs_daemon_close(struct xs_handle *xsh) { (void)xsh; }
int xs_fileno(struct xs_handle *h) { (void)h; return open("/dev/null", O_RDONLY); }

void *xs_read(struct xs_handle *h, xs_transaction_t t, const char *path, unsigned int *len) {
  (void)h, (void)t;
  if (strcmp(path, "/local/pool/0/name") == 0) {
    if (len) *len = 6;
    return strdup("Pool-0");
  }
  errno = ENOENT;
  return NULL;
}
char **xs_directory(struct xs_handle *h, xs_transaction_t t, const char *path, unsigned int *num) {
  (void)h, (void)t, (void)path;
  *num = 0;
  errno = ENOENT;
  return NULL;
}
bool xs_write(struct xs_handle *h, xs_transaction_t t, const char *path, const void *data, unsigned int len) {
  (void)h, (void)t, (void)path, (void)data, (void)len;
  return true;
}
xs_transaction_t xs_transaction_start(struct xs_handle *h) { (void)h; return 1; }
bool xs_transaction_end(struct xs_handle *h, xs_transaction_t t, bool abort) {
  (void)h, (void)t, (void)abort;
  return true;
}
