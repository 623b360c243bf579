// compileFileNode's view of the host: which files a compile may read (collectHostFiles).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectHostFiles } from '../../src/compiler/node';
import { scratch } from './toolchain';

describe('collectHostFiles', () => {
  it('follows quoted includes next to the including file, then -I dirs, and skips system headers', () => {
    const dir = join(scratch(), 'collect');
    mkdirSync(join(dir, 'lib', 'deep'), { recursive: true });
    mkdirSync(join(dir, 'inc'), { recursive: true });
    const w = (p: string, t: string) => writeFileSync(join(dir, p), t);
    w('prog.c', '#include <linux/bpf.h>\n#include "lib/a.h"\n  #  include <cfg.h>\n#include "missing.h"\n');
    w('lib/a.h', '#include "deep/b.h"\n#include "a.h"\n');
    w('lib/deep/b.h', '#include "../a.h"\n#include "shared.h"\n');
    w('inc/cfg.h', '#define CFG 1\n');
    w('inc/shared.h', '/* found through -I */\n');
    w('unused.h', 'never included\n');
    const files = collectHostFiles(join(dir, 'prog.c'), [join(dir, 'inc')]);
    expect([...files.keys()].map((f) => f.slice(dir.length + 1)).sort()).toEqual([
      'inc/cfg.h',
      'inc/shared.h',
      'lib/a.h',
      'lib/deep/b.h',
      'prog.c',
    ]);
    expect(new TextDecoder().decode(files.get(join(dir, 'inc/cfg.h')))).toBe('#define CFG 1\n');
  });
});
