/**
 * Linux errno values the map and helper code returns (negated, as the kernel does).
 * ENOTSUPP (524) is kernel-internal but does leak to BPF programs and user space from some map ops.
 */
export const EPERM = 1;
export const ENOENT = 2;
export const E2BIG = 7;
export const EBADF = 9;
export const EAGAIN = 11;
export const ENOMEM = 12;
export const EFAULT = 14;
export const EBUSY = 16;
export const EEXIST = 17;
export const EINVAL = 22;
export const ENOSPC = 28;
export const ERANGE = 34;
export const ELOOP = 40;
export const EOPNOTSUPP = 95;
export const ENOTSUPP = 524;

const NAMES: Readonly<Record<number, string>> = {
  [EPERM]: 'EPERM',
  [ENOENT]: 'ENOENT',
  [E2BIG]: 'E2BIG',
  [EBADF]: 'EBADF',
  [EAGAIN]: 'EAGAIN',
  [ENOMEM]: 'ENOMEM',
  [EFAULT]: 'EFAULT',
  [EBUSY]: 'EBUSY',
  [EEXIST]: 'EEXIST',
  [EINVAL]: 'EINVAL',
  [ENOSPC]: 'ENOSPC',
  [ERANGE]: 'ERANGE',
  [ELOOP]: 'ELOOP',
  [EOPNOTSUPP]: 'EOPNOTSUPP',
  [ENOTSUPP]: 'ENOTSUPP',
};

/** "-ENOENT" for -2, "0" for success, "-999" for unknown codes: for CLI/UI messages. */
export function errnoName(code: number): string {
  if (code >= 0) return String(code);
  const name = NAMES[-code];
  return name === undefined ? String(code) : `-${name}`;
}
