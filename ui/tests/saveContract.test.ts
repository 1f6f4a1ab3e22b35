/**
 * The test fake's `save_body` keeps the core's typing save rule: the cases of
 * tests/contracts/save_typing.json, which crates/newsroom/tests/save_contract.rs runs against the
 * real `Library::save_typing`, run here against the fake that the panels' tests rely on.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeIpc } from './fakeIpc';

interface Case {
  name: string;
  stored: string;
  base: string;
  typed: string;
  repeat?: number;
  expect: { changed: boolean; conflict: boolean; body?: string; word_count: number; reading_minutes: number };
}

const contract = JSON.parse(readFileSync(resolve(__dirname, '../../tests/contracts/save_typing.json'), 'utf8')) as { cases: Case[] };

describe('the fake keeps the core’s save rule', () => {
  it('has the contract’s cases', () => {
    expect(contract.cases.length).toBeGreaterThanOrEqual(5);
  });

  for (const c of contract.cases) {
    it(c.name, async () => {
      const { ipc, articles } = fakeIpc(1);
      articles[0]!.body = c.stored;
      const typed = c.typed.repeat(c.repeat ?? 1);
      const receipt = await ipc.saveBody(1, typed, c.base);
      expect({ changed: receipt.changed, conflict: receipt.conflict, word_count: receipt.word_count, reading_minutes: receipt.reading_minutes }).toEqual({
        changed: c.expect.changed,
        conflict: c.expect.conflict,
        word_count: c.expect.word_count,
        reading_minutes: c.expect.reading_minutes,
      });
      expect(articles[0]!.body).toBe(c.expect.body ?? typed);
    });
  }
});
