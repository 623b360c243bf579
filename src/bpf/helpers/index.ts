export * from './types';
export * from './ids';
export * from './prototypes';
export * from './env-ext';
export * from './registry';
export { PacketBuffer, ETH_HLEN, type FrameLayout } from './packet-buffer';
export { formatBpfString, type PrintkMemory, type FormatResult } from './printk-format';
export { formatTraceLine, type TraceLineInfo } from './trace-pipe';
export { printkMemory } from './trace-helpers';
