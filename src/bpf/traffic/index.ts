/** Traffic runs: a seeded packet mix at a nominal rate, run packet by packet over a session. */
export * from './types';
export { TrafficGenerator, TrafficError } from './generator';
export { DEFAULT_MIX, parseMix, parseCidr, parseRange, presetPacket, PRESET_IDS } from './mix';
export { mapSampler, MAX_SAMPLED_KEYS } from './sampler';
export { TrafficRun, DEFAULT_BUCKETS, type TrafficTarget } from './run';
export { FieldWriter, locateHeaders, type PacketLayout } from './headers';
