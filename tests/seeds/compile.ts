/**
 * The compiler the seed and BCC tests use: clang.wasm when the artifact is built (what the CLI
 * uses), else native clang-19 on the identical argv and headers (tests/compiler/native.ts).
 * Suites skip loudly when neither exists.
 */
import { compileProgram } from '../../src/compiler/compile';
import { getNodeClang, nodeSystemHeaders } from '../../src/compiler/node';
import type { CompileInput } from '../../src/compiler/types';
import type { CompileFn } from '../../src/cli/commands/run-attach';
import { compileNative } from '../compiler/native';
import { CLANG19, HAS_CLANG_WASM } from '../compiler/toolchain';

export const HAS_COMPILER = HAS_CLANG_WASM || CLANG19 !== null;
export const COMPILER_NAME = HAS_CLANG_WASM ? 'clang.wasm' : 'native clang-19';

export const compileForTests: CompileFn = async (input: CompileInput) => {
  if (HAS_CLANG_WASM) {
    const out = await compileProgram((await getNodeClang()).module, input, nodeSystemHeaders());
    if (out.object === null) throw new Error(`${input.entry} did not compile:\n${out.crash ?? out.stderr}`);
    return out.object;
  }
  const out = compileNative(input, nodeSystemHeaders());
  if (out.object === null) throw new Error(`${input.entry} did not compile:\n${out.stderr}`);
  return out.object;
};
