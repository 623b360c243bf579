/**
 * Process life cycle: fork (clone → kernel_clone, sched_process_fork, wake_up_new_task), exec
 * (execve → do_execveat_common, sched_process_exec, new comm and argv), exit (exit_group →
 * do_exit, sched_process_exit; never returns) and the parent's wait4.
 */
import type { Gen } from './events';
import type { Task } from './kernel';
import { syscallFnName } from './catalogue';
import { sys } from './syscalls';
import { setArgv, setComm } from './tasks';
import type { World } from './world';

const SIGCHLD = 17n;
const DEAD = 0x80;

/** The current task forks a child that runs `body`; returns the child. */
export function* fork(w: World, body: (child: Task) => Gen): Gen<Task> {
  const k = w.k;
  const parent = k.task;
  let child: Task | null = null;
  const args = [SIGCHLD, 0n, 0n, 0n, 0n];
  yield* sys(k, 'clone', args, '__libc_fork', 'SIGCHLD', () =>
    k.within(['__do_sys_clone'], () =>
      k.fn('kernel_clone', [k.kmem.put(new Uint8Array(88))], '', function* () {
        const c = (child = w.newTask(parent.comm, parent, []));
        const values = { parent_pid: parent.pid, child_pid: c.pid };
        const strings = { parent_comm: parent.comm, child_comm: c.comm };
        yield* k.trace('sched:sched_process_fork', values, [parent.obj.addr, c.obj.addr], `child ${c.pid}`, strings);
        yield* k.fn('wake_up_new_task', [c.obj.addr], `pid ${c.pid}`, function* () {
          const wake = { comm: c.comm, pid: c.pid, prio: 120, target_cpu: 0 };
          yield* k.trace('sched:sched_wakeup_new', wake, [c.obj.addr], `pid ${c.pid}`);
          return 0n;
        });
        return BigInt(c.pid);
      }),
    ),
  );
  const c = child as Task | null;
  if (!c) throw new Error('clone did not create a task');
  // The child returns from fork to user space an instant later; its kernel stack is empty again.
  k.spawn(c, k.clock, [], body(c));
  return c;
}

export const binaryPath = (cmd: string): string => (cmd.includes('/') ? cmd : `/usr/bin/${cmd}`);

/** The current task executes argv (argv[0] found in /usr/bin unless it is a path). */
export function* exec(w: World, argv: readonly string[]): Gen {
  const k = w.k;
  const task = k.task;
  const path = binaryPath(argv[0] ?? 'true');
  const filename = k.umem.put(path);
  const argvPtr = setArgv(k, task, argv);
  const args = [filename, argvPtr, 0n];
  yield* sys(k, 'execve', args, 'execve', `"${argv.join(' ')}"`, () =>
    k.fn('do_execveat_common', [BigInt.asUintN(64, -100n), k.kmem.put(path), argvPtr, 0n, 0n], `"${path}"`, () =>
      k.within(['bprm_execve', 'exec_binprm'], function* () {
        setComm(task, path.slice(path.lastIndexOf('/') + 1));
        const values = { pid: task.pid, old_pid: task.pid };
        yield* k.trace('sched:sched_process_exec', values, [task.obj.addr, BigInt(task.pid), 0n], `"${path}"`, {
          filename: path,
        });
        return 0n;
      }),
    ),
  );
}

/** exit_group(code): the syscall enters but never returns, so there are no exit events. */
export function* exit(w: World, code: number): Gen {
  const k = w.k;
  const task = k.task;
  const regs = task.regs;
  regs.set({ di: code, orig_ax: 231, ax: BigInt.asUintN(64, -38n) });
  k.setUserWrapper('_exit');
  yield* k.within(['entry_SYSCALL_64_after_hwframe', 'do_syscall_64'], function* () {
    const raw = [regs.addr, 231n];
    yield* k.trace('raw_syscalls:sys_enter', { id: 231, args: new Uint8Array(48) }, raw, 'NR 231');
    yield* k.trace('syscalls:sys_enter_exit_group', { __syscall_nr: 231, error_code: code }, raw, `${code}`);
    const name = syscallFnName('exit_group');
    yield* k.within(['x64_sys_call'], () =>
      k.fn(name, [regs.addr], `${code}`, () =>
        k.within(['do_group_exit'], () =>
          k.fn('do_exit', [BigInt(code << 8)], `${code}`, function* () {
            const values = { comm: task.comm, pid: task.pid, prio: 120, group_dead: 1 };
            yield* k.trace('sched:sched_process_exit', values, [task.obj.addr, 1n], `${task.comm} ${code}`);
            task.state = DEAD;
            task.obj.set({ exit_code: code << 8, exit_state: 16, __state: DEAD });
            if (task.parent) k.wake(task.parent);
            // do_exit never returns: the coroutine ends here, inside it.
            yield { op: 'sleep', ns: -1n };
            return 0n;
          }),
        ),
      ),
    );
  });
}

/** wait4(child): the parent sleeps until the child has exited. */
export function* wait(w: World, child: Task): Gen {
  const k = w.k;
  yield* sys(k, 'wait4', [BigInt(child.pid), 0n, 0n, 0n], '__wait4', `pid ${child.pid}`, function* () {
    yield* k.within(['kernel_wait4', 'do_wait'], function* () {
      while (child.state !== DEAD) yield* k.block();
    });
    return BigInt(child.pid);
  });
}
