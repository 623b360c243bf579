/** The parts of public/clang/manifest.json (written by wasm/package-artifact.mjs) the loader relies on. */
export interface ArtifactFile {
  readonly file: string;
  readonly size: number;
  readonly sha256: string;
}

export interface ClangManifest {
  readonly llvmVersion: string;
  readonly versionString: string | null;
  readonly raw: ArtifactFile;
  readonly gzip: ArtifactFile;
}

const isFile = (v: unknown): v is ArtifactFile =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as ArtifactFile).file === 'string' &&
  Number.isSafeInteger((v as ArtifactFile).size) &&
  /^[0-9a-f]{64}$/.test(String((v as ArtifactFile).sha256));

/** Checks the JSON has what the loader needs; throws with the reason otherwise. */
export function parseManifest(json: unknown): ClangManifest {
  if (typeof json !== 'object' || json === null) throw new Error('clang manifest is not an object');
  const m = json as Record<string, unknown>;
  if (typeof m.llvmVersion !== 'string') throw new Error('clang manifest has no llvmVersion');
  if (!isFile(m.raw) || !isFile(m.gzip)) throw new Error('clang manifest lacks raw/gzip size and sha256');
  return {
    llvmVersion: m.llvmVersion,
    versionString: typeof m.versionString === 'string' ? m.versionString : null,
    raw: m.raw,
    gzip: m.gzip,
  };
}
