/**
 * The one error a share link can produce. The page shows `message` as text (never as HTML), loads
 * the default program and leaves the autosaved work alone; the CLI prints it and exits non-zero.
 */
export type ShareErrorKind =
  /** Not a share link at all: no `#s=` fragment, or a malformed envelope. */
  | 'not-a-link'
  /** The bytes do not decompress, fail the checksum, or are not the JSON of a state. */
  | 'corrupt'
  /** The compressed data ends early: the link was cut when it was copied. */
  | 'truncated'
  /** Made by a newer playground than this one. */
  | 'future-version'
  /** Longer than a browser keeps in a URL (see MAX_URL_CHARS), or expands to too much data. */
  | 'oversized'
  /** Well-formed JSON whose content breaks the schema (wrong type, length, enum value, unknown key). */
  | 'invalid';

export class ShareLinkError extends Error {
  override name = 'ShareLinkError';

  constructor(
    readonly kind: ShareErrorKind,
    message: string,
  ) {
    super(message);
  }
}
