/**
 * The five seed programs of issue 7, run unchanged through the CLI's attach path and compared
 * with each folder's expected.txt (see golden.ts).
 */
import { describe, expect, it } from 'vitest';
import { COMPILER_NAME, HAS_COMPILER } from './compile';
import { goldenFolders, goldenTests } from './golden';

const DIR = import.meta.dirname;

if (!HAS_COMPILER) console.warn('\n*** SKIPPING seed programs: neither clang.wasm nor clang-19 is available ***\n');

describe.skipIf(!HAS_COMPILER)(`seed programs (compiled with ${COMPILER_NAME})`, () => {
  it('has the five seeds of the issue', () => {
    expect(goldenFolders(DIR)).toEqual(['1-hello-world', '2-hello-execve', '2-xdp-hello', '3-xdp-ping', '4-tracex1', '5-disksnoop']); // prettier-ignore
  });
  goldenTests(DIR);
});
