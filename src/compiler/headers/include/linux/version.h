/* Playground <linux/version.h>: the version of the simulated kernel, Linux
 * 6.18 (the kernel the playground's behaviour is compared with).  Old
 * kprobe programs store LINUX_VERSION_CODE in their "version" section.
 */
#ifndef _PLAYGROUND_LINUX_VERSION_H
#define _PLAYGROUND_LINUX_VERSION_H

/* major.patchlevel.sublevel packed in one integer; sublevels above 255 saturate. */
#define KERNEL_VERSION(a, b, c) (((a) << 16) + ((b) << 8) + ((c) > 255 ? 255 : (c)))
#define LINUX_VERSION_MAJOR 6
#define LINUX_VERSION_PATCHLEVEL 18
#define LINUX_VERSION_SUBLEVEL 0
#define LINUX_VERSION_CODE 397824

#endif /* _PLAYGROUND_LINUX_VERSION_H */
