/**
 * The machine a workload runs on: the kernel, the boot tasks (swapper/0, systemd, bash), the
 * terminal, lo and eth0, and the disk sda (8:0, a virtio disk with one request queue).
 */
import type { GuestMemory } from '../vm/guest-memory';
import { KObject } from './heap';
import { Kernel, type Task } from './kernel';
import { NetPaths } from './net';
import { createDevices } from './netdev';
import { KERNEL_STRUCTS } from './structs';
import { createTask, installFd } from './tasks';
import { Vfs } from './vfs';

const S = (name: string) => KERNEL_STRUCTS.get(name);

/** The workload's time 0 is this long after boot, so timestamps look like a machine that has been up. */
export const BOOT_OFFSET_NS = 5_000_000_000n;
export const USER_CGROUP = 0x2f1dn;

export interface Disk {
  readonly name: string;
  readonly dev: number; // MKDEV(major, minor) as the kernel's dev_t: major << 20 | minor
  readonly gendisk: KObject;
  readonly queue: KObject;
  readonly part0: KObject;
}

export class World {
  readonly k: Kernel;
  readonly vfs: Vfs;
  readonly net: NetPaths;
  readonly disk: Disk;
  readonly shell: Task;
  private readonly tty: KObject;
  private nextPid = 1200;

  constructor(mem: GuestMemory) {
    const k = (this.k = new Kernel(mem, BOOT_OFFSET_NS));
    const root = { uid: 0, gid: 0, cgroupId: 1n, parent: null };
    k.idle = k.current = createTask(k, { pid: 0, comm: 'swapper/0', argv: [], ...root });
    const init = createTask(k, { pid: 1, comm: 'systemd', argv: ['/sbin/init'], ...root });
    this.vfs = new Vfs(k);
    const { lo, eth0 } = createDevices(k);
    this.net = new NetPaths(k, lo, eth0);
    this.disk = createDisk(k);
    this.tty = this.vfs.open('/dev/pts/0', 2, 'chr', 0, (136 << 20) | 0);
    const user = { uid: 1000, gid: 1000, cgroupId: USER_CGROUP };
    this.shell = this.newTask('bash', init, ['-bash'], user);
  }

  /** A new task (a fork's child): stdin/stdout/stderr on the terminal; pids count up from 1200. */
  newTask(comm: string, parent: Task, argv: readonly string[], id?: { uid: number; gid: number; cgroupId: bigint }) {
    const { uid, gid, cgroupId } = id ?? parent;
    const task = createTask(this.k, { pid: this.nextPid++, comm, uid, gid, cgroupId, parent, argv });
    for (let fd = 0; fd < 3; fd++) installFd(this.k, task, this.tty);
    return task;
  }
}

function createDisk(k: Kernel): Disk {
  const gendisk = KObject.create(k.kmem, S('gendisk'), { major: 8, first_minor: 0, minors: 16, disk_name: 'sda' });
  const queue = KObject.create(k.kmem, S('request_queue'), { disk: gendisk.addr, nr_requests: 256 });
  const dev = 8 << 20;
  const part0 = KObject.create(k.kmem, S('block_device'), { bd_dev: dev, bd_disk: gendisk.addr });
  gendisk.set({ part0: part0.addr, queue: queue.addr });
  return { name: 'sda', dev, gendisk, queue, part0 };
}
