/**
 * The return value check at the main program's exit (the kernel's check_return_code), for the
 * program types in scope that have one. Others return whatever they like.
 */
import { fail, type Checker } from './context';
import { regTypeName } from './print';
import type { Reg } from './reg';
import type { ProgType } from './types';

/** Whether R0's value at the main exit is checked, so pruning must keep it apart. */
export const hasReturnRange = (t: ProgType): boolean => t === 'cgroup_skb';

export function checkReturnRange(c: Checker, r0: Reg): void {
  if (!hasReturnRange(c.progType)) return;
  // cgroup_skb egress programs may also ask for congestion notification (bit 1): 2 and 3.
  const max = c.env.expectedAttachType === 'CGROUP_INET_EGRESS' ? 3n : 1n;
  if (r0.type !== 'scalar') fail(c, `At program exit the register R0 is not a known value (${regTypeName(r0)})`);
  if (r0.smin < 0n || r0.smax > max)
    fail(c, `At program exit the register R0 has smin=${r0.smin} smax=${r0.smax} should have been in [0, ${max}]`);
}
