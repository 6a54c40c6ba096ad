import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** A hand label of one file, by the rules of shared/docs/annotation.md (see test/fixtures/gold/). */
export interface Gold {
  source: string;
  date: string | null;
  participants: string[];
  agenda: { line: number; title?: string; owners: string[] }[];
  actionItems: {
    line: number;
    text?: string;
    owners: string[];
    status: string;
    carried: boolean;
    due: string | null;
  }[];
  decisions: { line: number; text?: string }[];
}

export interface GoldFile {
  gold: Gold;
  /** Where the labelled minutes are: the project's fixtures, or the shared corpus. */
  path: string;
  /** Community for per-community figures: `styles` or the corpus folder (`scs`, `tc39`, ...). */
  folder: string;
  /** Set aside before tuning (test/fixtures/gold-set-aside.json): looked at only as figures. */
  setAside: boolean;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.json') ? [join(dir, e.name)] : [],
  );
}

/**
 * Every gold label under `goldDir`, with the path of its minutes; labels whose minutes are absent are counted apart.
 */
export function loadGold(root: string): { files: GoldFile[]; missing: string[] } {
  const goldDir = join(root, 'test', 'fixtures', 'gold');
  const setAside = new Set<string>(
    (JSON.parse(readFileSync(join(root, 'test', 'fixtures', 'gold-set-aside.json'), 'utf8')) as { files: string[] })
      .files,
  );
  const files: GoldFile[] = [];
  const missing: string[] = [];
  for (const file of walk(goldDir).sort()) {
    const gold = JSON.parse(readFileSync(file, 'utf8')) as Gold;
    // Minutes written for the project live beside the labels; real ones are read from ../shared/corpus.
    const local = join(root, 'test', 'fixtures', gold.source);
    const path = existsSync(local) ? local : join(root, '..', 'shared', 'corpus', gold.source);
    if (!existsSync(path)) {
      missing.push(relative(root, file));
      continue;
    }
    files.push({ gold, path, folder: gold.source.split('/')[0]!, setAside: setAside.has(gold.source) });
  }
  return { files, missing };
}
