/**
 * Size limits of share links, chosen from what browsers keep and what the playground needs.
 *
 * Chromium navigates URLs up to 2 MiB (url::kMaxURLChars) but its address bar shows at most
 * 32 KiB (kMaxURLDisplayChars), and the address bar is where people copy links from; Firefox's
 * address bar also stops displaying at 64 KiB. A link longer than 32 KiB would be silently cut when
 * copied, so the whole URL (origin, path and fragment) must fit in 32 KiB. Deflate shrinks C source
 * about 3-4x, so this still holds programs of roughly 80-100 KiB of source.
 */
export const MAX_URL_CHARS = 32 * 1024;

/**
 * The fragment alone may use the 32 KiB minus what an origin and path take; 512 characters covers
 * any realistic origin. Links with an origin are also checked against MAX_URL_CHARS as a whole.
 */
export const MAX_FRAGMENT_CHARS = MAX_URL_CHARS - 512;

/**
 * Upper bound of the decompressed JSON. A 32 KiB link can legitimately expand to a few hundred KiB;
 * deflate can expand ~1000x, so a hostile link is stopped here instead of allocating megabytes.
 */
export const MAX_JSON_BYTES = 1024 * 1024;

/** Field limits: generous for real use, small enough that a decoded state is cheap to hold and show. */
export const LIMITS = {
  sourceChars: 512 * 1024,
  sectionChars: 256,
  packets: 64,
  /** A jumbo frame; BPF_PROG_TEST_RUN refuses more than a page plus headroom anyway. */
  packetBytes: 9216,
  layers: 16,
  workloadChars: 64 * 1024,
  attachments: 16,
  attachmentChars: 256,
  mapSeeds: 256,
  mapNameChars: 64,
  /** Key or value bytes of one map pre-seed. */
  seedBytes: 4096,
  defines: 32,
  warnings: 32,
  flagChars: 256,
  idChars: 64,
} as const;
