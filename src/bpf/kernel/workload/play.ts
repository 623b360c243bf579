/**
 * Turns a parsed workload into coroutines of the simulated kernel. A statement runs in its
 * subject process when that process is alive (bash always is; others after `NAME starts`);
 * otherwise bash forks and execs the subject, which does the action and exits — a one-shot
 * command, like typing it in the shell.
 */
import type { Gen } from '../events';
import { close, getdents, O_DIRECTORY, O_RDONLY, O_WRONLY, openat, rw } from '../io';
import type { Task } from '../kernel';
import { exec, exit, fork, wait } from '../procs';
import { connect, incomingPing, ping, send, socket, tcpCloser } from '../sockets';
import type { World } from '../world';
import type { Action, Statement, Workload } from './types';

const CHUNK = 128 * 1024; // dd's block size: one request per write

export function play(w: World, workload: Workload): void {
  const live = new Map<string, Task>([['bash', w.shell]]);
  const t0 = w.k.clock;
  const list = workload.statements;
  const start = (i: number, after: bigint) => {
    const s = list[i];
    if (!s) return;
    const at = s.start.kind === 'at' ? t0 + s.start.ns : after + s.start.ns;
    const done = () => {
      if (list[i + 1]?.start.kind !== 'at') start(i + 1, w.k.clock);
    };
    if (s.action.kind === 'pinged') {
      const { from, count } = s.action;
      // The frames are interrupts of their own; the statement itself only schedules them.
      w.k.spawn(null, at, [], (function* (): Gen {
        incomingPing(w, from, count);
        done();
        yield* [];
      })()); // prettier-ignore
      return;
    }
    const owner = live.get(s.subject);
    const body = owner ? inProcess(w, s, live) : oneShot(w, s, live);
    w.k.spawn(owner ?? w.shell, at, [], (function* () {
      yield* body;
      done();
    })()); // prettier-ignore
  };
  list.forEach((s, i) => {
    if (i === 0 || s.start.kind === 'at') start(i, t0);
  });
}

/** bash forks; the child execs the subject (once started, it stays alive for `starts`). */
function* oneShot(w: World, s: Statement, live: Map<string, Task>): Gen {
  const argv = s.action.kind === 'run' ? s.action.argv : [s.subject];
  const runner = s.action.kind === 'run' ? w.shell : null;
  if (runner && s.subject !== 'bash') {
    // "NAME runs ..." with NAME not alive: start NAME first, then it runs the command.
    yield* oneShot(w, { ...s, action: { kind: 'start' } }, live);
    yield* inProcess(w, s, live);
    return;
  }
  const child = yield* fork(w, (c) =>
    (function* () {
      yield* exec(w, argv);
      if (s.action.kind === 'start') {
        live.set(s.subject, c);
        c.state = 1; // a daemon: alive, waiting for work
        return;
      }
      if (s.action.kind !== 'run') yield* act(w, s.action);
      else yield* command(w, argv);
      yield* exit(w, 0);
    })(),
  );
  if (s.action.kind !== 'start') yield* wait(w, child);
}

/** The statement in its live subject process. */
function* inProcess(w: World, s: Statement, live: Map<string, Task>): Gen {
  const a = s.action;
  if (a.kind === 'run') {
    const child = yield* fork(w, () =>
      (function* () {
        yield* exec(w, a.argv);
        yield* command(w, a.argv);
        yield* exit(w, 0);
      })(),
    );
    yield* wait(w, child);
  } else if (a.kind === 'exit') {
    live.delete(s.subject);
    yield* exit(w, a.code);
  } else if (a.kind !== 'start') {
    yield* act(w, a);
  }
}

function* act(w: World, a: Action): Gen {
  switch (a.kind) {
    case 'connect': {
      const { fd, sk } = yield* socket(w, 1, 6);
      if ((yield* connect(w, fd, sk, a.ip, a.port)) && a.send > 0) yield* send(w, fd, a.send, a.retransmit);
      yield* close(w, fd, tcpCloser(w, w.k.task, fd));
      return;
    }
    case 'ping':
      return yield* ping(w, a.ip, a.count);
    case 'open': {
      const fd = yield* openat(w, a.path, O_RDONLY);
      return yield* close(w, fd);
    }
    case 'io': {
      const fd = yield* openat(w, a.path, a.op === 'write' ? O_WRONLY : O_RDONLY);
      for (let done = 0; done < a.bytes; done += CHUNK) yield* rw(w, a.op, fd, Math.min(CHUNK, a.bytes - done));
      return yield* close(w, fd);
    }
    default:
      return;
  }
}

/** What a few well-known commands do after exec; anything else just exits. */
function* command(w: World, argv: readonly string[]): Gen {
  const [cmd, arg] = argv;
  if (cmd === 'ls') {
    const fd = yield* openat(w, arg ?? '.', O_RDONLY | O_DIRECTORY);
    yield* getdents(w, fd, 240);
    yield* getdents(w, fd, 0);
    yield* close(w, fd);
    yield* rw(w, 'write', 1, 42, 'file1.txt  file2.txt  notes.md  report.pdf\n');
  } else if (cmd === 'cat' && arg) {
    const fd = yield* openat(w, arg, O_RDONLY);
    yield* rw(w, 'read', fd, 4096);
    yield* close(w, fd);
    yield* rw(w, 'write', 1, 4096, 'root:x:0:0:root:/root:/bin/bash\n');
  } else if (cmd === 'echo') {
    const text = `${argv.slice(1).join(' ')}\n`;
    yield* rw(w, 'write', 1, text.length, text);
  } else if (cmd === 'sleep') {
    yield* w.k.sleep(BigInt(Math.round(Number(arg ?? 1) * 1e9)));
  }
}
