/**
 * Files of the simulated kernel: super blocks, a dentry per path component (cached, so a path
 * always has the same dentry), inodes, `struct file`, and socket files whose private_data is the
 * `struct socket`.
 */
import { KObject } from './heap';
import type { Kernel } from './kernel';
import { KERNEL_STRUCTS } from './structs';

const S = (name: string) => KERNEL_STRUCTS.get(name);

const S_IFDIR = 0o040000;
const S_IFREG = 0o100000;
const S_IFCHR = 0o020000;
const S_IFBLK = 0o060000;
const S_IFSOCK = 0o140000;

export class Vfs {
  private readonly dentries = new Map<string, KObject>();
  private readonly supers = new Map<string, KObject>();
  private readonly mounts = new Map<string, KObject>();
  private nextIno = 100;

  constructor(private readonly k: Kernel) {}

  /** Opens `path` as a new struct file (the dentry and inode are shared between opens). */
  open(path: string, flags: number, kind: 'file' | 'dir' | 'chr' | 'blk', size = 4096, rdev = 0): KObject {
    const dentry = this.dentry(path, kind, size, rdev);
    const fsName = this.fsOf(path);
    return KObject.create(this.k.kmem, S('file'), {
      'f_path.mnt': this.mount(fsName).addr,
      'f_path.dentry': dentry.addr,
      f_inode: dentry.get('d_inode'),
      f_flags: flags,
      f_mode: (flags & 3) === 0 ? 0x1d : (flags & 3) === 1 ? 0x1e : 0x1f, // FMODE_READ/WRITE|LSEEK|PREAD|PWRITE
    });
  }

  /** An anonymous socket file ("socket:[ino]") pointing at `socket`. */
  socketFile(socket: bigint): KObject {
    const name = `socket:[${this.nextIno}]`;
    const inode = this.inode(S_IFSOCK | 0o777, 0, 0, this.super('sockfs'));
    const dentry = this.makeDentry(name, null, inode, this.super('sockfs'));
    return KObject.create(this.k.kmem, S('file'), {
      'f_path.mnt': this.mount('sockfs').addr,
      'f_path.dentry': dentry.addr,
      f_inode: inode,
      f_flags: 2,
      f_mode: 0x1f,
      private_data: socket,
    });
  }

  private dentry(path: string, kind: 'file' | 'dir' | 'chr' | 'blk', size: number, rdev: number): KObject {
    const cached = this.dentries.get(path);
    if (cached) return cached;
    const slash = path.lastIndexOf('/');
    const parentPath = slash <= 0 ? '/' : path.slice(0, slash);
    const parent = path === '/' ? null : this.dentry(parentPath, 'dir', 4096, 0);
    const sb = this.super(this.fsOf(path));
    const mode = { file: S_IFREG | 0o644, dir: S_IFDIR | 0o755, chr: S_IFCHR | 0o620, blk: S_IFBLK | 0o660 }[kind];
    const inode = this.inode(mode, size, rdev, sb);
    const dentry = this.makeDentry(path === '/' ? '/' : path.slice(slash + 1), parent, inode, sb);
    this.dentries.set(path, dentry);
    return dentry;
  }

  private makeDentry(name: string, parent: KObject | null, inode: bigint, sb: KObject): KObject {
    const d = KObject.create(this.k.kmem, S('dentry'), {
      'd_name.len': name.length,
      'd_name.hash': hash(name),
      'd_name.name': this.k.kmem.put(name),
      d_inode: inode,
      d_iname: name.length < 32 ? name : '',
      d_sb: sb.addr,
    });
    // The root dentry is its own parent, like the kernel's.
    d.set({ d_parent: parent?.addr ?? d.addr });
    return d;
  }

  private inode(mode: number, size: number, rdev: number, sb: KObject): bigint {
    const ino = KObject.create(this.k.kmem, S('inode'), { i_mode: mode, i_sb: sb.addr, i_ino: this.nextIno++ });
    return ino.set({ i_rdev: rdev, i_nlink: 1, i_size: size }).addr;
  }

  private fsOf(path: string): string {
    if (path.startsWith('/dev/')) return 'devtmpfs';
    if (path.startsWith('/tmp')) return 'tmpfs';
    if (path.startsWith('/proc')) return 'proc';
    return 'ext4';
  }

  private super(fs: string): KObject {
    const magic: Record<string, number> = { ext4: 0xef53, tmpfs: 0x01021994, devtmpfs: 0x01021994, proc: 0x9fa0 };
    let sb = this.supers.get(fs);
    if (!sb) {
      sb = KObject.create(this.k.kmem, S('super_block'), {
        s_dev: fs === 'ext4' ? (8 << 20) | 1 : this.supers.size + 20,
        s_magic: magic[fs] ?? 0x534f434b,
        s_id: fs === 'ext4' ? 'sda1' : fs,
      });
      this.supers.set(fs, sb);
    }
    return sb;
  }

  private mount(fs: string): KObject {
    let mnt = this.mounts.get(fs);
    if (!mnt) {
      mnt = KObject.create(this.k.kmem, S('vfsmount'), { mnt_sb: this.super(fs).addr });
      this.mounts.set(fs, mnt);
    }
    return mnt;
  }
}

/** full_name_hash stand-in: any stable 32-bit hash will do for a simulated dcache. */
function hash(name: string): number {
  let h = 0;
  for (let i = 0; i < name.length; i++) h = (Math.imul(h, 0x9e3779b1) + name.charCodeAt(i)) >>> 0;
  return h;
}
