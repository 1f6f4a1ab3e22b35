/**
 * The error kinds the page knows are the ones the core names: a kind missing here would reach the
 * panels as `internal`, and a dialog that acts on it (Export anyway for `embargoed`) would never see it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KNOWN_KINDS, normalizeError } from '../src/ipc';

const CORE = resolve(__dirname, '../../crates/newsroom/src');

function rustFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? rustFiles(join(dir, e.name)) : e.name.endsWith('.rs') ? [join(dir, e.name)] : [],
  );
}

/** The kinds each `fn kind(&self) -> &'static str` of the core returns. */
function coreKinds(): Set<string> {
  const kinds = new Set<string>();
  for (const file of rustFiles(CORE)) {
    const text = readFileSync(file, 'utf8');
    for (const [, body] of text.matchAll(/fn kind\(&self\) -> &'static str \{([\s\S]*?)\n {4}\}/g)) {
      for (const [, kind] of body!.matchAll(/=> "([a-z_]+)"/g)) kinds.add(kind!);
    }
  }
  return kinds;
}

describe('error kinds', () => {
  it('knows every kind the core names, and keeps each through normalizing', () => {
    const kinds = coreKinds();
    expect(kinds.has('embargoed')).toBe(true);
    expect(kinds.size).toBeGreaterThan(10);
    for (const kind of kinds) {
      expect(KNOWN_KINDS.has(kind), kind).toBe(true);
      expect(normalizeError({ kind, message: 'Something happened.' }).kind).toBe(kind);
    }
  });
});
