import { Directory, File } from '@bjorn3/browser_wasi_shim';
import { describe, expect, it } from 'vitest';
import { MemoryFs, listFiles, mountReadOnly, normalizePath, splitAbsolute } from './vfs';

describe('MemoryFs', () => {
  it('builds nested directories and reads files back', () => {
    const fs = new MemoryFs()
      .mkdirp('/tmp')
      .addFile('/src/a/b.h', 'x')
      .addFile('/src/p.c', new Uint8Array([1, 2]));
    const root = fs.preopen();
    expect(listFiles(root.dir.dir)).toEqual(['/src/a/b.h', '/src/p.c']);
    expect(root.read('/src/p.c')).toEqual(new Uint8Array([1, 2]));
    expect(new TextDecoder().decode(root.read('/src/a/b.h')!)).toBe('x');
    expect(root.read('/src/a')).toBeNull();
    expect(root.read('/nope')).toBeNull();
    expect(root.dir.dir.contents.get('tmp')).toBeInstanceOf(Directory);
  });

  it('gives every compile its own directories but may share read-only files', () => {
    const shared = mountReadOnly('/usr/include', new Map([['linux/bpf.h', 'int x;']]));
    const fs = new MemoryFs().addFiles(shared);
    const a = fs.preopen();
    const b = fs.preopen();
    expect(a.dir.dir).not.toBe(b.dir.dir);
    const file = (r: typeof a) =>
      ((r.dir.dir.contents.get('usr') as Directory).contents.get('include') as Directory).contents.get('linux');
    expect((file(a) as Directory).contents.get('bpf.h')).toBe((file(b) as Directory).contents.get('bpf.h'));
    expect(((file(a) as Directory).contents.get('bpf.h') as File).readonly).toBe(true);
  });

  it('rejects paths that are not plain absolute paths, and file/directory clashes', () => {
    expect(() => splitAbsolute('rel/x')).toThrow(/not an absolute path/);
    expect(() => splitAbsolute('/a/../b')).toThrow(/bad path/);
    expect(() => new MemoryFs().addFile('/a', 'x').addFile('/a/b', 'y')).toThrow(/a is a file/);
    expect(() => new MemoryFs().mkdirp('/a/b').addFile('/a/b', 'y')).toThrow(/is a directory/);
    expect(normalizePath('/src/./x/../y.h')).toBe('/src/y.h');
  });
});
