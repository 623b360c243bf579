/**
 * The JIT's linear memory: one fixed-size WebAssembly memory per VM (never grown, so the
 * Uint8Array views the address space holds on it stay valid).
 *
 * Region tables: the index is (high word of an address - HI_BASE), i.e. twice the region id, and
 * each 8-byte entry holds the region's offset in linear memory and its size. Odd indexes (never a
 * region) and regions outside linear memory have size 0, so their accesses take the slow path, where
 * the interpreter executes the instruction and raises exactly its fault. READ lists readable
 * regions, WRITE only writable ones.
 */
import { MAX_CALL_FRAMES, STACK_SIZE } from '../vm';

/** Region ids below this are mirrored; higher ids always take the slow path. */
export const TABLE_REGIONS = 256;
const TABLE_BYTES = TABLE_REGIONS * 2 * 8;

export const READ_TABLE = 0;
export const WRITE_TABLE = READ_TABLE + TABLE_BYTES;
/** r0..r10 as little-endian i64: the same bytes as the interpreter's int32 (low, high) pairs. */
export const REGS = WRITE_TABLE + TABLE_BYTES;
/** Saved r6..r10 and the return pc per call depth, laid out as Vm.frames (FRAME_WORDS int32 each). */
export const FRAMES = REGS + 128;
export const FRAME_BYTES = 44;
/** Per call depth: the high address word of that depth's stack region, and its linear offset. */
export const STACK_HIGH = FRAMES + MAX_CALL_FRAMES * FRAME_BYTES + 32;
export const STACK_LINEAR = STACK_HIGH + MAX_CALL_FRAMES * 4;
/** Words: steps and depth (left by the compiled function), the LD_ABS region index and data offset (set by the machine). */
export const SCRATCH = STACK_LINEAR + MAX_CALL_FRAMES * 4;
/**
 * Nonzero once the packet frame may have been written: compiled stores and atomics set it when
 * their address lies in the frame, and everything the interpreter or a helper does sets it. A
 * runner may then skip restoring the packet when nothing wrote it (map-value stores do not count).
 */
export const WRITTEN = SCRATCH + 16;
/**
 * Context regions (index as above, 16 bytes each): where the region's whole-field load values are
 * mirrored (one i64 per 4 struct bytes), the struct size, and a byte per 4 struct bytes giving the
 * only load size served inline there (0: the interpreter handles it). Mirrors live in CTX_POOL.
 */
export const CTX_TABLE = SCRATCH + 64;
export const CTX_POOL = CTX_TABLE + TABLE_REGIONS * 2 * 16;
export const CTX_POOL_SIZE = 4096;
/**
 * Maps whose bpf_map_lookup_elem compiled code does itself (see map-table.ts), by region index of
 * the map pointer (as above; MAP_ENTRY bytes per region id): kind (0 none, 1 array, 2 hash),
 * key size, max entries (array) or the machine's map number (hash), value stride, and the guest
 * address of values[0] (i64).
 */
export const MAP_TABLE = CTX_POOL + CTX_POOL_SIZE;
export const MAP_ENTRY = 32;
export const STACKS = (MAP_TABLE + TABLE_REGIONS * MAP_ENTRY + 63) & ~63;
/** One BPF_PROG_TEST_RUN frame (headroom + packet + tailroom) for the session's packets. */
export const PACKET_FRAME = STACKS + MAX_CALL_FRAMES * STACK_SIZE;
export const PACKET_FRAME_SIZE = 4096;
/** Map values moved into linear memory start here; the memory grows (once, at creation) to hold them. */
export const MAP_VALUES = PACKET_FRAME + PACKET_FRAME_SIZE;
/** The fixed part; a machine's memory has at least these pages (modules import at least this much). */
export const MEMORY_PAGES = Math.ceil(MAP_VALUES / 65536);
/** Map values beyond this many bytes stay outside linear memory (accessed through the interpreter). */
export const MAP_VALUES_LIMIT = 64 << 20;
