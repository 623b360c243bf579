/** The parts of public/clang/manifest.json (written by wasm/package-artifact.mjs) the loader relies on. */
export interface ArtifactFile {
  readonly file: string;
  readonly size: number;
  readonly sha256: string;
}

/**
 * How the served file is encoded: 'br' (the committed artifact: brotli, ~10 MB instead of ~15 MB
 * of gzip), 'gzip', or 'wasm' (an uncompressed development build, which has no manifest of its own).
 */
export type ArtifactFormat = 'br' | 'gzip' | 'wasm';

export interface CompressedFile extends ArtifactFile {
  readonly format: ArtifactFormat;
}

export interface ClangManifest {
  readonly llvmVersion: string;
  readonly versionString: string | null;
  readonly raw: ArtifactFile;
  /** The file that is served and cached. */
  readonly compressed: CompressedFile;
}

const isFile = (v: unknown): v is ArtifactFile =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as ArtifactFile).file === 'string' &&
  Number.isSafeInteger((v as ArtifactFile).size) &&
  /^[0-9a-f]{64}$/.test(String((v as ArtifactFile).sha256));

const FORMATS: readonly string[] = ['br', 'gzip'];

/** Checks the JSON has what the loader needs; throws with the reason otherwise. */
export function parseManifest(json: unknown): ClangManifest {
  if (typeof json !== 'object' || json === null) throw new Error('clang manifest is not an object');
  const m = json as Record<string, unknown>;
  if (typeof m.llvmVersion !== 'string') throw new Error('clang manifest has no llvmVersion');
  if (!isFile(m.raw) || !isFile(m.compressed)) throw new Error('clang manifest lacks raw/compressed size and sha256');
  const format = (m.compressed as { format?: unknown }).format;
  if (typeof format !== 'string' || !FORMATS.includes(format)) {
    throw new Error(`clang manifest: unknown compression format ${JSON.stringify(format)} (expected br or gzip)`);
  }
  return {
    llvmVersion: m.llvmVersion,
    versionString: typeof m.versionString === 'string' ? m.versionString : null,
    raw: m.raw,
    compressed: { ...m.compressed, format: format as ArtifactFormat },
  };
}
