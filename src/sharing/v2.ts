/** Format 2, the current one: strict reading of a decoded state (see schema.ts for the meaning). */
import { PROG_TYPE_NAMES } from '../bpf/object/kinds';
import { WORKLOAD_PRESETS } from '../bpf/kernel/presets';
import { CompileOptionError, resolveOptions } from '../compiler/args';
import { bool, hex, int, invalid, list, oneOf, record, str } from './check';
import { parseLayer } from './layers';
import { LIMITS } from './limits';
import {
  CPU_VERSIONS,
  OPT_LEVELS,
  SHARE_PANELS,
  type ShareCompile,
  type ShareInputs,
  type ShareMapSeed,
  type SharePacket,
  type ShareSelection,
  type ShareState,
  type ShareWorkload,
} from './schema';

const ID = /^[a-z0-9][a-z0-9-]*$/;
const ID_TEXT = 'lowercase letters, digits and dashes';
/** C identifiers, and the section-named maps of global data (.bss, .data.counters, .rodata). */
const MAP_NAME = /^[A-Za-z_.][A-Za-z0-9_.]*$/;
/** The CLI's --attach syntax; resolving the target is the kernel simulation's job, at run time. */
const ATTACHMENT = /^(kprobe|kretprobe|tracepoint|raw_tracepoint|xdp):[A-Za-z0-9_.:]+(=[A-Za-z_][A-Za-z0-9_]*)?$/;
/** SEC() names are printable ASCII without spaces. */
const SECTION = /^[\x21-\x7e]*$/;

function parseCompile(v: unknown, path: string): ShareCompile {
  const o = record(v, path, ['optLevel', 'cpu', 'debugInfo', 'defines', 'warnings']);
  const compile: ShareCompile = {
    optLevel: oneOf(o.optLevel, `${path}.optLevel`, OPT_LEVELS),
    cpu: oneOf(o.cpu, `${path}.cpu`, CPU_VERSIONS),
    debugInfo: bool(o.debugInfo, `${path}.debugInfo`),
    defines: list(o.defines, `${path}.defines`, LIMITS.defines, (d, p) => str(d, p, LIMITS.flagChars)),
    warnings: list(o.warnings, `${path}.warnings`, LIMITS.warnings, (w, p) => str(w, p, LIMITS.flagChars)),
  };
  // The compiler's own check: a link must never smuggle another clang flag in through -D or -W.
  try {
    resolveOptions(compile);
  } catch (e) {
    if (e instanceof CompileOptionError) invalid(path, `has a compile flag clang must not see (${e.message})`);
    throw e;
  }
  return compile;
}

function parsePacket(v: unknown, path: string): SharePacket {
  const o = record(v, path, [], ['hex', 'layers']);
  if (Object.hasOwn(o, 'hex') === Object.hasOwn(o, 'layers')) invalid(path, 'must have either "hex" or "layers"');
  if (Object.hasOwn(o, 'hex')) return { hex: hex(o.hex, `${path}.hex`, LIMITS.packetBytes) };
  return { layers: list(o.layers, `${path}.layers`, LIMITS.layers, parseLayer) };
}

function parseWorkload(v: unknown, path: string): ShareWorkload {
  const o = record(v, path, [], ['preset', 'text']);
  if (Object.hasOwn(o, 'preset') === Object.hasOwn(o, 'text')) invalid(path, 'must have either "preset" or "text"');
  if (Object.hasOwn(o, 'preset'))
    return {
      preset: oneOf(
        o.preset,
        `${path}.preset`,
        WORKLOAD_PRESETS.map((p) => p.name),
      ),
    };
  return { text: str(o.text, `${path}.text`, LIMITS.workloadChars) };
}

function parseInputs(v: unknown, path: string): ShareInputs {
  const kind = oneOf(record(v, path, ['kind'], ['packets', 'selected', 'workload', 'attachments']).kind, `${path}.kind`, ['packets', 'attach'] as const); // prettier-ignore
  if (kind === 'packets') {
    const o = record(v, path, ['kind', 'packets', 'selected']);
    const packets = list(o.packets, `${path}.packets`, LIMITS.packets, parsePacket);
    const selected = int(o.selected, `${path}.selected`, 0, Math.max(0, packets.length - 1));
    return { kind, packets, selected };
  }
  const o = record(v, path, ['kind', 'workload', 'attachments']);
  return {
    kind,
    workload: parseWorkload(o.workload, `${path}.workload`),
    attachments: list(
      o.attachments,
      `${path}.attachments`,
      LIMITS.attachments,
      (a, p) =>
      str(a, p, LIMITS.attachmentChars, ATTACHMENT, 'TYPE:TARGET[=FUNCTION] (kprobe, kretprobe, tracepoint, raw_tracepoint or xdp)'), // prettier-ignore
    ),
  };
}

function parseMapSeed(v: unknown, path: string): ShareMapSeed {
  const o = record(v, path, ['map', 'key', 'value']);
  return {
    map: str(o.map, `${path}.map`, LIMITS.mapNameChars, MAP_NAME, 'a map name'),
    key: hex(o.key, `${path}.key`, LIMITS.seedBytes),
    value: hex(o.value, `${path}.value`, LIMITS.seedBytes),
  };
}

function parseSelection(v: unknown, path: string): ShareSelection | null {
  if (v === null) return null;
  const kind = oneOf(record(v, path, ['kind'], ['id', 'lesson', 'step']).kind, `${path}.kind`, ['example', 'lesson'] as const); // prettier-ignore
  if (kind === 'example') {
    const o = record(v, path, ['kind', 'id']);
    return { kind, id: str(o.id, `${path}.id`, LIMITS.idChars, ID, ID_TEXT) };
  }
  const o = record(v, path, ['kind', 'lesson', 'step']);
  return { kind, lesson: str(o.lesson, `${path}.lesson`, LIMITS.idChars, ID, ID_TEXT), step: int(o.step, `${path}.step`, 0, 999) }; // prettier-ignore
}

export function parseV2(v: unknown): ShareState {
  const path = 'state';
  const o = record(v, path, ['source', 'program', 'compile', 'privileged', 'inputs', 'mapSeeds', 'panels', 'selection']); // prettier-ignore
  const program = record(o.program, `${path}.program`, ['section', 'type']);
  const panels = record(o.panels, `${path}.panels`, ['hidden', 'active']);
  const active = record(panels.active, `${path}.panels.active`, ['side', 'bottom']);
  return {
    source: str(o.source, `${path}.source`, LIMITS.sourceChars),
    program: {
      section: str(program.section, `${path}.program.section`, LIMITS.sectionChars, SECTION, 'printable characters without spaces'), // prettier-ignore
      type: program.type === null ? null : oneOf(program.type, `${path}.program.type`, PROG_TYPE_NAMES),
    },
    compile: parseCompile(o.compile, `${path}.compile`),
    privileged: bool(o.privileged, `${path}.privileged`),
    inputs: parseInputs(o.inputs, `${path}.inputs`),
    mapSeeds: list(o.mapSeeds, `${path}.mapSeeds`, LIMITS.mapSeeds, parseMapSeed),
    panels: {
      hidden: list(panels.hidden, `${path}.panels.hidden`, SHARE_PANELS.length, (p, at) => oneOf(p, at, SHARE_PANELS)),
      active: {
        side: oneOf(active.side, `${path}.panels.active.side`, SHARE_PANELS),
        bottom: oneOf(active.bottom, `${path}.panels.active.bottom`, SHARE_PANELS),
      },
    },
    selection: parseSelection(o.selection, `${path}.selection`),
  };
}
