/**
 * Share links: `ORIGIN#s=VERSION.PAYLOAD`, PAYLOAD = base64url(deflate(JSON) + CRC-32) (see
 * envelope.ts). The version sits outside the compressed data so that even a future change of
 * compression leaves old pages able to say "made by a newer playground" instead of "damaged".
 */
import { ShareLinkError } from './errors';
import { packPayload, unpackPayload } from './envelope';
import { MAX_FRAGMENT_CHARS, MAX_URL_CHARS } from './limits';
import { CURRENT_VERSION, type ShareState } from './schema';
import { parseV2 } from './v2';
import { KNOWN_VERSIONS, READERS } from './versions';

/** The fragment parameter that carries the state; other parameters in the fragment are left alone. */
export const FRAGMENT_KEY = 's';
/** The dev server's address: the CLI's default --origin. */
export const DEFAULT_ORIGIN = 'http://localhost:5173/';

export interface DecodedShare {
  /** The format the link was written in (older ones were migrated). */
  readonly version: number;
  readonly state: ShareState;
}

const kib = (chars: number): string => `${(chars / 1024).toFixed(1)} KiB`;

/** `what`: "The link is", "The link would be" or, before an origin is known, "The link's data alone would be". */
function tooLong(what: string, chars: number): ShareLinkError {
  return new ShareLinkError(
    'oversized',
    `${what} ${kib(chars)} long, but browsers keep at most ${kib(MAX_URL_CHARS)} of a link in the address bar, so it would be cut off when copied. Make the program or its inputs smaller, or share the file instead.`,
  );
}

/** `s=VERSION.PAYLOAD` for any version's JSON (old versions only in tests: their samples are real). */
export function encodeVersionedFragment(version: number, data: unknown): string {
  const fragment = `${FRAGMENT_KEY}=${version}.${packPayload(JSON.stringify(data))}`;
  if (fragment.length + 1 > MAX_FRAGMENT_CHARS) throw tooLong("The link's data alone would be", fragment.length + 1);
  return fragment;
}

/**
 * The fragment (without '#') for a state. The state is validated first, so the page can never
 * produce a link that it would then refuse to open.
 */
export function encodeShareFragment(state: ShareState): string {
  return encodeVersionedFragment(CURRENT_VERSION, parseV2(JSON.parse(JSON.stringify(state))));
}

/** A full link: `origin` (any URL; its own fragment is replaced) with the state in the fragment. */
export function buildShareLink(state: ShareState, origin: string = DEFAULT_ORIGIN): string {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    throw new ShareLinkError('not-a-link', `${JSON.stringify(origin)} is not a URL to put the link on.`);
  }
  url.hash = encodeShareFragment(state);
  const link = url.href;
  if (link.length > MAX_URL_CHARS) throw tooLong('The link would be', link.length);
  return link;
}

/** The `s` parameter of a link, a fragment ('#s=…') or a bare 's=…'; null when there is none. */
function shareParameter(input: string): string | null {
  const hash = input.indexOf('#');
  const fragment = hash >= 0 ? input.slice(hash + 1) : input;
  for (const part of fragment.split('&')) {
    if (part.startsWith(`${FRAGMENT_KEY}=`)) return part.slice(FRAGMENT_KEY.length + 1);
  }
  return null;
}

/** True when `input` (a URL or location.hash) carries a share state, valid or not. */
export function hasShareState(input: string): boolean {
  return shareParameter(input.trim()) !== null;
}

/** Decodes a link; every failure is a ShareLinkError whose message the page and CLI show as text. */
export function decodeShareLink(input: string): DecodedShare {
  const text = input.trim();
  if (text.length > MAX_URL_CHARS) throw tooLong('The link is', text.length);
  const param = shareParameter(text);
  if (param === null)
    throw new ShareLinkError('not-a-link', `This is not a playground share link: it has no "#${FRAGMENT_KEY}=" part.`);
  const m = /^(\d{1,9})\.(.*)$/s.exec(param);
  if (m === null)
    throw new ShareLinkError('not-a-link', 'The link\'s "#s=" part does not start with a format version, so it was not made by the playground.'); // prettier-ignore
  const version = Number(m[1]);
  const read = READERS[version];
  if (read === undefined) {
    if (version > CURRENT_VERSION)
      throw new ShareLinkError('future-version', `This link was made by a newer version of the playground (link format ${version}; this page reads formats ${KNOWN_VERSIONS.join(', ')}). Reload the page to get the newest version, then open the link again.`); // prettier-ignore
    throw new ShareLinkError('corrupt', `The link says it has format ${version}, which never existed: it is damaged.`);
  }
  const jsonText = unpackPayload(m[2]!);
  let json: unknown;
  try {
    json = JSON.parse(jsonText);
  } catch {
    throw new ShareLinkError('corrupt', 'The link is damaged: its data is not JSON.');
  }
  return { version, state: read(json) };
}
