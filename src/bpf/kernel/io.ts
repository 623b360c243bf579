/**
 * File and block I/O system calls: openat (do_sys_openat2 → vfs_open), read/write (vfs_read /
 * vfs_write), getdents64 and close. Writes to and reads from /dev/sda go through the block layer:
 * a request is issued (blk_mq_start_request, block:block_rq_issue), the caller sleeps, and the
 * disk's interrupt completes it (block:block_rq_complete, blk_account_io_done).
 */
import type { Gen } from './events';
import { cString, KObject } from './heap';
import type { Task } from './kernel';
import { KERNEL_STRUCTS } from './structs';
import { err, sys } from './syscalls';
import { installFd, removeFd } from './tasks';
import type { World } from './world';

const S = (name: string) => KERNEL_STRUCTS.get(name);
export const O_RDONLY = 0;
export const O_WRONLY = 1;
export const O_DIRECTORY = 0x10000;
const AT_FDCWD = BigInt.asUintN(64, -100n);
const EBADF = 9;
const SECTOR = 512;

const kindOf = (path: string, flags: number) =>
  path.startsWith('/dev/sd') ? 'blk' : path.startsWith('/dev/') ? 'chr' : flags & O_DIRECTORY ? 'dir' : 'file';

export function* openat(w: World, path: string, flags: number): Gen<number> {
  const k = w.k;
  const task = k.task;
  const name = k.umem.put(path);
  const args = [AT_FDCWD, name, BigInt(flags), 0o644n];
  const fd = yield* sys(k, 'openat', args, '__libc_open64', `"${path}"`, function* () {
    const how = k.kmem.put(new Uint8Array(24)); // struct open_how {flags, mode, resolve}
    k.kmem.writeInt(how, 8, flags);
    const ret = yield* k.fn('do_sys_openat2', [AT_FDCWD, name, how], `"${path}"`, function* () {
      const file = w.vfs.open(path, flags, kindOf(path, flags), path.startsWith('/dev/sd') ? 0 : 4096, path.startsWith('/dev/sda') ? w.disk.dev : 0); // prettier-ignore
      yield* k.within(['do_filp_open', 'path_openat'], () => k.fn('vfs_open', [file.at('f_path'), file.addr], `"${path}"`)); // prettier-ignore
      return BigInt(installFd(k, task, file));
    });
    k.kmem.release(how, 24);
    return ret;
  });
  return Number(fd);
}

/** read(fd, buf, count) or write(fd, buf, count); `data` is what a write stores in the user buffer. */
export function* rw(w: World, op: 'read' | 'write', fd: number, count: number, data = ''): Gen<number> {
  const k = w.k;
  const task = k.task;
  const buf = userBuffer(w, task, count);
  if (data) k.umem.writeBytes(buf, cString(data).subarray(0, Math.min(data.length, count)));
  const args = [BigInt(fd), buf, BigInt(count)];
  const wrapper = op === 'read' ? '__libc_read' : '__libc_write';
  const ret = yield* sys(k, op, args, wrapper, `fd=${fd} ${count} bytes`, function* () {
    const file = task.fds.get(fd);
    if (!file) return err(EBADF);
    const pos = file.at('f_pos');
    const fn = op === 'read' ? 'vfs_read' : 'vfs_write';
    return yield* k.within([op === 'read' ? 'ksys_read' : 'ksys_write'], () =>
      k.fn(fn, [file.addr, buf, BigInt(count), pos], `fd=${fd} ${count} bytes`, function* () {
        const inode = new KObject(k.kmem, S('inode'), file.get('f_inode'));
        if (inode.get('i_rdev') === BigInt(w.disk.dev)) yield* blockIo(w, op, Number(file.get('f_pos')), count);
        file.set({ f_pos: file.get('f_pos') + BigInt(count) });
        return BigInt(count);
      }),
    );
  });
  return Number(BigInt.asIntN(64, ret));
}

export function* getdents(w: World, fd: number, returned: number): Gen<number> {
  const k = w.k;
  const buf = userBuffer(w, k.task, 32768);
  const args = [BigInt(fd), buf, 32768n];
  const n = yield* sys(k, 'getdents64', args, '__getdents64', `fd=${fd}`, function* () {
    yield* k.within(['iterate_dir'], function* () {});
    return BigInt(returned);
  });
  return Number(n);
}

export function* close(w: World, fd: number, onClose?: (file: KObject) => Gen): Gen {
  const k = w.k;
  const task = k.task;
  yield* sys(k, 'close', [BigInt(fd)], '__close', `fd=${fd}`, function* () {
    const file = removeFd(k, task, fd);
    if (!file) return err(EBADF);
    if (onClose) yield* onClose(file);
    return 0n;
  });
}

/** One block request for `bytes` at byte offset `pos` of sda, issued and waited for. */
function* blockIo(w: World, op: 'read' | 'write', pos: number, bytes: number): Gen {
  const k = w.k;
  const task = k.task;
  const d = w.disk;
  const sector = BigInt(Math.floor(pos / SECTOR));
  const write = op === 'write';
  const submit = write ? ['blkdev_write_iter', 'submit_bio', 'blk_mq_submit_bio'] : ['blkdev_read_iter', 'submit_bio', 'blk_mq_submit_bio']; // prettier-ignore
  const bio = KObject.create(k.kmem, S('bio'), { bi_bdev: d.part0.addr, bi_opf: write ? 1 : 0, bi_sector: sector, bi_size: bytes }); // prettier-ignore
  const rq = KObject.create(k.kmem, S('request'), {
    q: d.queue.addr, cmd_flags: write ? 1 : 0, tag: Number(sector / 8n) % 64, internal_tag: -1, timeout: 30000,
    __data_len: bytes, __sector: sector, bio: bio.addr, biotail: bio.addr, rq_disk: d.gendisk.addr, part: d.part0.addr,
    start_time_ns: k.clock,
  }); // prettier-ignore
  const rwbs = write ? 'W' : 'R';
  const nr = bytes / SECTOR;
  const label = `${d.name} ${rwbs} sector ${sector} ${bytes} bytes`;
  yield* k.within(submit, () => k.within(['blk_mq_dispatch_rq_list', 'virtio_queue_rq'], () =>
    k.fn('blk_mq_start_request', [rq.addr], label, function* () {
      rq.set({ io_start_time_ns: k.clock });
      yield* k.trace('block:block_rq_issue', { dev: d.dev, sector, nr_sector: nr, bytes, rwbs, comm: task.comm }, [rq.addr], label); // prettier-ignore
      return 0n;
    }),
  )); // prettier-ignore
  // A virtio disk: 150 µs per request plus 2 ns per byte (about 500 MB/s).
  const latency = 150_000n + BigInt(bytes) * 2n;
  k.spawn(null, k.clock + latency, ['asm_common_interrupt', 'common_interrupt', 'virtblk_done', 'blk_complete_reqs'], (function* () {
    yield* k.fn('blk_mq_end_request', [rq.addr, 0n], label, function* () {
      yield* k.trace('block:block_rq_complete', { dev: d.dev, sector, nr_sector: nr, error: 0, rwbs }, [rq.addr, 0n, BigInt(bytes)], label); // prettier-ignore
      yield* k.within(['__blk_mq_end_request'], () => k.fn('blk_account_io_done', [rq.addr, k.clock], label));
      return 0n;
    });
    rq.free();
    bio.free();
    k.wake(task);
  })()); // prettier-ignore
  yield* k.block();
}

const buffers = new WeakMap<Task, { addr: bigint; size: number }>();

/** The task's I/O buffer in user memory, at least `size` bytes (capped at 128 KiB, dd's block size). */
export function userBuffer(w: World, task: Task, size: number): bigint {
  const want = Math.min(Math.max(size, 256), 128 * 1024);
  const have = buffers.get(task);
  if (have && have.size >= want) return have.addr;
  if (have) w.k.umem.release(have.addr, have.size);
  const addr = w.k.umem.alloc(want);
  buffers.set(task, { addr, size: want });
  return addr;
}
