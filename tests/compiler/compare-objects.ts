/**
 * Compares a clang.wasm object with native clang-19's for the same input. Identical bytes pass at
 * once. Otherwise every section must be byte-identical except where the compilers' version strings
 * live (.comment, and the DWARF producer in .debug_str with the offsets that follow it in
 * .debug_str_offsets): Debian's clang says "Debian clang version 19.1.7 (3~deb12u1)", a build
 * from the plain source may say "clang version 19.1.7". Returns the differences (empty = same).
 *
 * BTF is compared by meaning when its bytes differ: native clang runs with -ffile-prefix-map so both
 * objects name the same paths, but LLVM's BTF writer then tries to read each line's text from the
 * remapped path (/src/x.c), which exists only in the wasm file system, and records '' instead.
 * So types, func info, CO-RE relocations and every line-info position must be equal, and a line
 * text may differ only where native recorded '' and clang.wasm recorded the text.
 */
import { Btf, type ElfFile, parseBtfExt, parseElf } from '../../src/bpf/object';

const PRODUCER = /^(Debian )?clang version 19\.\d+\.\d+.*$/;
const VERSION_SECTIONS = new Set(['.comment', '.debug_str', '.debug_str_offsets']);

const equal = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

function strings(data: Uint8Array): string[] {
  return new TextDecoder()
    .decode(data)
    .split('\0')
    .map((s) => (PRODUCER.test(s) ? '<producer>' : s));
}

/** The strings a DWARF 5 .debug_str_offsets section (8-byte header, then u32 offsets as REL addends) names. */
function resolveOffsets(offsets: Uint8Array, str: Uint8Array): string[] {
  const view = new DataView(offsets.buffer, offsets.byteOffset, offsets.byteLength);
  const out: string[] = [];
  for (let at = 8; at + 4 <= offsets.length; at += 4) {
    const start = view.getUint32(at, true);
    let end = start;
    while (end < str.length && str[end] !== 0) end++;
    const s = new TextDecoder().decode(str.subarray(start, end));
    out.push(PRODUCER.test(s) ? '<producer>' : s);
  }
  return out;
}

export function compareObjects(wasm: Uint8Array, native: Uint8Array): string[] {
  if (equal(wasm, native)) return [];
  const a: ElfFile = parseElf(wasm);
  const b: ElfFile = parseElf(native);
  const diffs: string[] = [];
  const names = (e: ElfFile) => e.sections.map((s) => s.name);
  if (names(a).join(',') !== names(b).join(',')) {
    return [`section lists differ: ${names(a).join(',')} vs ${names(b).join(',')}`];
  }
  for (const [i, sa] of a.sections.entries()) {
    const sb = b.sections[i]!;
    if (sa.type !== sb.type || sa.flags !== sb.flags) diffs.push(`${sa.name}: type/flags differ`);
    if (VERSION_SECTIONS.has(sa.name)) {
      if (sa.name === '.debug_str') {
        const [x, y] = [strings(sa.data), strings(sb.data)];
        if (x.join('\0') !== y.join('\0')) diffs.push('.debug_str: strings differ beyond the producer');
      } else if (sa.name === '.debug_str_offsets') {
        const strA = a.sections.find((s) => s.name === '.debug_str')?.data ?? new Uint8Array(0);
        const strB = b.sections.find((s) => s.name === '.debug_str')?.data ?? new Uint8Array(0);
        if (resolveOffsets(sa.data, strA).join('\0') !== resolveOffsets(sb.data, strB).join('\0')) {
          diffs.push('.debug_str_offsets: entries name different strings');
        }
      } else if (!strings(sa.data).includes('<producer>') || !strings(sb.data).includes('<producer>')) {
        diffs.push('.comment: no clang 19 version string');
      }
      continue;
    }
    if (sa.name === '.BTF' || sa.name === '.BTF.ext') {
      if (!equal(sa.data, sb.data) && !sameBtfMeaning(a, b)) diffs.push(`${sa.name}: contents differ`);
      continue;
    }
    if (!equal(sa.data, sb.data) || sa.size !== sb.size) diffs.push(`${sa.name}: contents differ`);
  }
  return diffs;
}

const sectionData = (e: ElfFile, name: string) => e.sections.find((s) => s.name === name)?.data;
/** JSON that also carries ENUM64 values (bigints). */
const json = (value: unknown) => JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));

/** Same BTF types and BTF.ext records; line text may be '' on the native side only (see above). */
function sameBtfMeaning(wasm: ElfFile, native: ElfFile): boolean {
  const [wb, nb] = [sectionData(wasm, '.BTF'), sectionData(native, '.BTF')];
  if (wb === undefined || nb === undefined) return false;
  const [wBtf, nBtf] = [Btf.parse(wb), Btf.parse(nb)];
  if (json(wBtf.types) !== json(nBtf.types)) return false;
  const [we, ne] = [sectionData(wasm, '.BTF.ext'), sectionData(native, '.BTF.ext')];
  if (we === undefined || ne === undefined) return we === ne;
  const [wExt, nExt] = [parseBtfExt(we, wBtf), parseBtfExt(ne, nBtf)];
  const plain = (m: ReadonlyMap<string, readonly unknown[]>) => json([...m]);
  if (plain(wExt.funcInfo) !== plain(nExt.funcInfo) || plain(wExt.coreRelocs) !== plain(nExt.coreRelocs)) return false;
  if (
    plain(new Map([...wExt.lineInfo].map(([k, v]) => [k, v.map((r) => ({ ...r, source: '' }))]))) !==
    plain(new Map([...nExt.lineInfo].map(([k, v]) => [k, v.map((r) => ({ ...r, source: '' }))])))
  )
    return false;
  for (const [section, records] of wExt.lineInfo) {
    const theirs = nExt.lineInfo.get(section)!;
    for (const [i, r] of records.entries()) {
      const n = theirs[i]!;
      if (r.source !== n.source && !(n.source === '' && r.source !== '')) return false;
    }
  }
  return true;
}
