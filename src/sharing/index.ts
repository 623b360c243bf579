/**
 * Share links: the playground state in a URL fragment, versioned forever. Pure: runs in the page,
 * in workers and in the CLI.
 */
export * from './schema';
export { ShareLinkError, type ShareErrorKind } from './errors';
export { MAX_URL_CHARS, MAX_FRAGMENT_CHARS, MAX_JSON_BYTES, LIMITS } from './limits';
export {
  buildShareLink,
  decodeShareLink,
  DEFAULT_ORIGIN,
  encodeShareFragment,
  FRAGMENT_KEY,
  hasShareState,
  type DecodedShare,
} from './codec';
export { KNOWN_VERSIONS } from './versions';
export { packetBytes } from './packets';
export { seedValueHex, seedsAfterEdit, type SeedEdit } from './map-seeds';
