import { readFileSync } from 'node:fs';

/**
 * The program a command was given: a BPF object as is, or a .c file compiled with the committed
 * clang.wasm and our headers (imported lazily: the compiler is big and most runs do not need it).
 */
export async function readObject(path: string): Promise<Uint8Array> {
  if (!path.endsWith('.c')) return readFileSync(path);
  const { compileFileNode } = await import('../compiler/node');
  const out = await compileFileNode(path);
  if (out.object === null) throw new Error(`${path} did not compile:\n${out.crash ?? out.stderr}`);
  return out.object;
}
