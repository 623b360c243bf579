/**
 * The in-memory filesystem clang.wasm sees, built from plain path → contents maps with
 * @bjorn3/browser_wasi_shim's inodes. Directories are built fresh for every compile (clang
 * creates and renames files in them); read-only header files can be shared between compiles.
 */
import { Directory, File, type Inode, PreopenDirectory } from '@bjorn3/browser_wasi_shim';

const encoder = new TextEncoder();

export type FileContents = string | Uint8Array | File;

/** Splits an absolute path into its components, rejecting "." / ".." / empty components. */
export function splitAbsolute(path: string): string[] {
  if (!path.startsWith('/')) throw new Error(`not an absolute path: ${JSON.stringify(path)}`);
  const parts = path.split('/').filter((p) => p !== '');
  for (const p of parts) {
    if (p === '.' || p === '..' || p.includes('\0')) throw new Error(`bad path: ${JSON.stringify(path)}`);
  }
  return parts;
}

export function joinPath(dir: string, rel: string): string {
  if (rel.startsWith('/')) return rel;
  return `${dir.replace(/\/+$/, '')}/${rel}`;
}

/** Lexically normalises an absolute path ("/a/./b/../c" → "/a/c"). */
export function normalizePath(path: string): string {
  const out: string[] = [];
  for (const p of path.split('/')) {
    if (p === '' || p === '.') continue;
    if (p === '..') out.pop();
    else out.push(p);
  }
  return `/${out.join('/')}`;
}

export function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

/** Turns text or bytes into a shim File; `readonly` files refuse writes and truncation. */
export function toFile(contents: FileContents, readonly = false): File {
  if (contents instanceof File) return contents;
  return new File(typeof contents === 'string' ? encoder.encode(contents) : contents, { readonly });
}

/** Headers keyed by their path relative to `mountDir`, as shared read-only File objects. */
export function mountReadOnly(mountDir: string, tree: ReadonlyMap<string, string>): Map<string, File> {
  const out = new Map<string, File>();
  for (const [rel, text] of tree) out.set(joinPath(mountDir, rel), toFile(text, true));
  return out;
}

type Node = { kind: 'dir'; children: Map<string, Node> } | { kind: 'file'; file: File };

/** Builder for one compile's filesystem. */
export class MemoryFs {
  private readonly root: Node & { kind: 'dir' } = { kind: 'dir', children: new Map() };

  mkdirp(path: string): this {
    this.dirNode(splitAbsolute(path), path);
    return this;
  }

  addFile(path: string, contents: FileContents, readonly = false): this {
    const parts = splitAbsolute(path);
    const name = parts.pop();
    if (name === undefined) throw new Error('cannot write a file at /');
    const dir = this.dirNode(parts, path);
    const existing = dir.children.get(name);
    if (existing?.kind === 'dir') throw new Error(`${path} is a directory`);
    dir.children.set(name, { kind: 'file', file: toFile(contents, readonly) });
    return this;
  }

  addFiles(files: Iterable<readonly [string, FileContents]>, readonly = false): this {
    for (const [path, contents] of files) this.addFile(path, contents, readonly);
    return this;
  }

  /** The preopened "/" for WASI. Call once per compile: the directories it creates are clang's to change. */
  preopen(): { dir: PreopenDirectory; read(path: string): Uint8Array | null } {
    const build = (node: Node & { kind: 'dir' }): Map<string, Inode> => {
      const m = new Map<string, Inode>();
      for (const [name, child] of node.children) {
        m.set(name, child.kind === 'file' ? child.file : new Directory(build(child)));
      }
      return m;
    };
    const dir = new PreopenDirectory('/', build(this.root));
    return { dir, read: (path) => readFromDirectory(dir.dir, path) };
  }

  private dirNode(parts: readonly string[], full: string): Node & { kind: 'dir' } {
    let node = this.root;
    for (const p of parts) {
      let next = node.children.get(p);
      if (next === undefined) {
        next = { kind: 'dir', children: new Map() };
        node.children.set(p, next);
      }
      if (next.kind !== 'dir') throw new Error(`${full}: ${p} is a file`);
      node = next;
    }
    return node;
  }
}

/** Reads a file out of a (possibly clang-modified) shim directory; null when absent or a directory. */
export function readFromDirectory(root: Directory, path: string): Uint8Array | null {
  let node: Inode | undefined = root;
  for (const p of splitAbsolute(path)) {
    if (!(node instanceof Directory)) return null;
    node = node.contents.get(p);
  }
  return node instanceof File ? node.data : null;
}

/** Every file path under a shim directory (for tests and error messages). */
export function listFiles(root: Directory, prefix = ''): string[] {
  const out: string[] = [];
  for (const [name, node] of root.contents) {
    if (node instanceof Directory) out.push(...listFiles(node, `${prefix}/${name}`));
    else out.push(`${prefix}/${name}`);
  }
  return out.sort();
}
