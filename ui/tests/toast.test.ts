import { describe, expect, it } from 'vitest';
import { Toasts } from '../src/panels/toast';

const texts = (toasts: Toasts) => Array.from(toasts.root.querySelectorAll('.toast-text'), (el) => el.textContent);

describe('Toasts', () => {
  it('keeps the newest five messages', () => {
    const toasts = new Toasts();
    for (let i = 1; i <= 7; i++) toasts.error(new Error(`problem ${i}`));
    expect(texts(toasts)).toEqual(['problem 3', 'problem 4', 'problem 5', 'problem 6', 'problem 7']);
  });

  it('shows a repeated sentence once, as the newest, without pushing other messages out', () => {
    const toasts = new Toasts();
    toasts.error(new Error('leak.md is a symbolic link'));
    for (const name of ['pipe', 'nested', 'huge', 'nested']) toasts.error(new Error(`${name}.md is not readable`));
    toasts.error(new Error('nested.md is not readable'));
    expect(texts(toasts)).toEqual([
      'leak.md is a symbolic link',
      'pipe.md is not readable',
      'huge.md is not readable',
      'nested.md is not readable',
    ]);
  });

  it('keeps a notice and an error with the same words apart', () => {
    const toasts = new Toasts();
    toasts.info('Saved');
    toasts.error(new Error('Saved'));
    expect(toasts.root.querySelectorAll('.toast').length).toBe(2);
  });
});
