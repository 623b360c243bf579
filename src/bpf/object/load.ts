/**
 * loadObject: a clang-built BPF ELF object → programs and maps ready for the verifier and runtime,
 * prepared the way libbpf prepares them (see object-types.ts for the result's encoding).
 * Errors: ElfError for a malformed ELF container, LoadError (BtfError included) for everything else.
 */
import { Btf } from './btf';
import { fixupDatasecs } from './datasec-fixup';
import { parseBtfExt, type BtfExt } from './btf-ext';
import { parseElf } from './elf';
import { decodeUtf8 } from './elf-reader';
import { EM_BPF, type ElfFile } from './elf-types';
import { LoadError } from './errors';
import { collectFunctions } from './functions';
import { lineForEachInsn, programFuncInfo, programLineInfo } from './line-info';
import { linkProgram } from './link';
import { collectMaps } from './maps';
import type { BpfObject, BpfProgram } from './object-types';
import { relocateFunctions } from './relocate';
import { classifySection } from './sections';

export interface LoadOptions {
  /**
   * Object name, as libbpf derives it from the file name (up to the first '.'). Used for global-data
   * map names in the kernel ("<name>.bss"). Default "obj".
   */
  readonly name?: string;
}

/** libbpf's object name for a path: the base name up to its first '.'. */
export const objectNameFromPath = (path: string): string => (path.split('/').pop() ?? path).split('.')[0] ?? '';

function readLicense(elf: ElfFile): string {
  const section = elf.sectionByName('license');
  if (!section) return '';
  const end = section.data.indexOf(0);
  return decodeUtf8(end < 0 ? section.data : section.data.subarray(0, end));
}

function readKernelVersion(elf: ElfFile): number | null {
  const section = elf.sectionByName('version');
  if (!section) return null;
  if (section.data.length !== 4)
    throw new LoadError("section 'version'", `is ${section.data.length} bytes, expected 4`);
  return new DataView(section.data.buffer, section.data.byteOffset, 4).getUint32(0, true);
}

function readBtf(elf: ElfFile): [Btf | null, BtfExt | null] {
  const btfSection = elf.sectionByName('.BTF');
  if (!btfSection) return [null, null];
  const btf = Btf.parse(btfSection.data);
  fixupDatasecs(btf, elf);
  const extSection = elf.sectionByName('.BTF.ext');
  return [btf, extSection ? parseBtfExt(extSection.data, btf) : null];
}

export function loadObject(bytes: Uint8Array, options: LoadOptions = {}): BpfObject {
  const elf = parseElf(bytes);
  if (elf.machine !== EM_BPF) throw new LoadError('ELF header', `e_machine is ${elf.machine}, not BPF (247)`);
  const name = options.name ?? 'obj';
  const [btf, btfExt] = readBtf(elf);
  const { maps, resolver } = collectMaps(elf, btf, name);
  const functions = collectFunctions(elf);
  const relocs = relocateFunctions(elf, functions, resolver);
  const subprograms = new Map(functions.filter((f) => f.isSubprogram).map((f) => [f.sectionInsnOffset, f]));

  const programs: BpfProgram[] = functions
    .filter((f) => !f.isSubprogram)
    .map((entry) => {
      const linked = linkProgram(entry, subprograms, relocs);
      const insnCount = linked.code.length / 8;
      const lineInfo = programLineInfo(btfExt, linked.placed).sort((a, b) => a.insn - b.insn);
      return {
        name: entry.name,
        sectionName: entry.section.name,
        kind: classifySection(entry.section.name),
        code: linked.code,
        insnCount,
        functions: linked.placed.map(({ fn, start }) => ({
          name: fn.name,
          start,
          insnCount: fn.insnCount,
          isSubprogram: fn.isSubprogram,
          global: fn.global,
        })),
        mapReferences: linked.maps,
        funcInfo: programFuncInfo(btfExt, linked.placed),
        lineInfo,
        lineAt: lineForEachInsn(lineInfo, linked.placed, insnCount),
      };
    });

  return {
    name,
    license: readLicense(elf),
    kernelVersion: readKernelVersion(elf),
    programs,
    maps,
    btf,
    btfExt,
    elf,
  };
}
