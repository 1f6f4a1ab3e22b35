/**
 * The error kinds the page keeps are the ones the core names (its `ErrorKind`, generated into
 * src/generated/ipc.ts): a kind lost here would reach the panels as `internal`, and a dialog that
 * acts on it (Export anyway for `embargoed`, Restore and save for `trashed`) would never see it.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizeError } from '../src/ipc';

/** The members of the generated `ErrorKind` union. */
function generatedKinds(): string[] {
  const text = readFileSync(resolve(__dirname, '../src/generated/ipc.ts'), 'utf8');
  const union = /export type ErrorKind = ([^;]+);/.exec(text)?.[1] ?? '';
  return [...union.matchAll(/"([a-z_]+)"/g)].map(([, kind]) => kind!);
}

describe('error kinds', () => {
  it('keeps every kind the core names through normalizing', () => {
    const kinds = generatedKinds();
    expect(kinds).toEqual(expect.arrayContaining(['embargoed', 'trashed', 'duplicate_slug', 'invalid_transition', 'photo_in_use']));
    for (const kind of kinds) {
      expect(normalizeError({ kind, message: 'Something happened.' }).kind).toBe(kind);
    }
  });

  it('calls any other kind internal, keeping the sentence', () => {
    expect(normalizeError({ kind: 'exploded', message: 'It broke.' })).toEqual({ kind: 'internal', message: 'It broke.' });
    expect(normalizeError({ kind: 'toString', message: 'It broke.' }).kind).toBe('internal');
  });
});
