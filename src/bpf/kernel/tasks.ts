/**
 * Building task_struct and what hangs off it (cred, mm with the argv in user memory, files with
 * an fd array, fs, the kernel stack whose top holds the saved user registers).
 */
import { KObject } from './heap';
import { KSTACK_SIZE, type Kernel, type Task } from './kernel';
import { KERNEL_STRUCTS } from './structs';

const S = (name: string) => KERNEL_STRUCTS.get(name);
const MAX_FDS = 64;

export interface NewTask {
  pid: number;
  comm: string;
  uid: number;
  gid: number;
  cgroupId: bigint;
  parent: Task | null;
  argv: readonly string[];
}

export function createTask(k: Kernel, spec: NewTask): Task {
  const mem = k.kmem;
  const id = { uid: spec.uid, gid: spec.gid, suid: spec.uid, sgid: spec.gid, euid: spec.uid, egid: spec.gid };
  const cred = KObject.create(mem, S('cred'), { usage: 1, ...id, fsuid: spec.uid, fsgid: spec.gid });
  const mm = KObject.create(mem, S('mm_struct'));
  const fdArray = mem.alloc(MAX_FDS * 8);
  const fdt = KObject.create(mem, S('fdtable'), { max_fds: MAX_FDS, fd: fdArray });
  const files = KObject.create(mem, S('files_struct'), { count: 1, fdt: fdt.addr });
  const fs = KObject.create(mem, S('fs_struct'), { users: 1 });
  const stack = mem.alloc(KSTACK_SIZE);
  const regs = new KObject(mem, S('pt_regs'), stack + BigInt(KSTACK_SIZE - S('pt_regs').size));
  const obj = KObject.create(mem, S('task_struct'), {
    stack, usage: 2, prio: 120, static_prio: 120, normal_prio: 120, mm: mm.addr, active_mm: mm.addr,
    exit_signal: 17, pid: spec.pid, tgid: spec.pid, real_cred: cred.addr, cred: cred.addr, comm: spec.comm,
    fs: fs.addr, files: files.addr, start_time: k.clock, start_boottime: k.clock,
  }); // prettier-ignore
  // Empty lists point at themselves; a task with no parent (init, idle) is its own parent.
  const parent = spec.parent?.obj.addr ?? obj.addr;
  obj.set({
    real_parent: parent, parent, group_leader: obj.addr,
    'children.next': obj.at('children'), 'children.prev': obj.at('children'),
    'sibling.next': obj.at('sibling'), 'sibling.prev': obj.at('sibling'),
  }); // prettier-ignore
  const task: Task = {
    pid: spec.pid, tgid: spec.pid, comm: spec.comm, uid: spec.uid, gid: spec.gid, cgroupId: spec.cgroupId,
    parent: spec.parent, obj, regs, fds: new Map(), fdArray, state: 0,
  }; // prettier-ignore
  setArgv(k, task, spec.argv);
  k.tasks.set(task.pid, task);
  return task;
}

/** Puts argv in user memory and points mm->arg_start/arg_end at it (what `ps` and BCC's execsnoop read). */
export function setArgv(k: Kernel, task: Task, argv: readonly string[]): bigint {
  const text = argv.map((a) => `${a}\0`).join('');
  const start = k.umem.put(text.slice(0, -1));
  const mm = new KObject(k.kmem, S('mm_struct'), task.obj.get('mm'));
  mm.set({ arg_start: start, arg_end: start + BigInt(text.length) });
  return start;
}

/** Changes the task's comm, in the TaskInfo and in task_struct (exec does this). */
export function setComm(task: Task, comm: string): void {
  task.comm = comm.slice(0, 15);
  task.obj.set({ comm: task.comm });
}

/** Installs `file` at the lowest free descriptor, in the Map and in the kernel fd array. */
export function installFd(k: Kernel, task: Task, file: KObject): number {
  let fd = 0;
  while (task.fds.has(fd)) fd++;
  if (fd >= MAX_FDS) throw new Error(`${task.comm} (pid ${task.pid}) ran out of file descriptors`);
  task.fds.set(fd, file);
  k.kmem.writeInt(task.fdArray + BigInt(fd * 8), 8, file.addr);
  return fd;
}

export function removeFd(k: Kernel, task: Task, fd: number): KObject | undefined {
  const file = task.fds.get(fd);
  task.fds.delete(fd);
  k.kmem.writeInt(task.fdArray + BigInt(fd * 8), 8, 0);
  return file;
}
