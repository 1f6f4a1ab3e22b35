import { describe, expect, it } from 'vitest';
import { TypingBase } from '../src/logic/typingBase';

describe('the text typing started from', () => {
  it('is what was loaded, then what was confirmed', () => {
    const base = new TypingBase();
    expect(base.of(1)).toBeNull();
    base.loaded(1, 'Loaded.');
    expect(base.of(1)).toBe('Loaded.');
    base.confirmed(1, 'Saved.');
    expect(base.of(1)).toBe('Saved.');
    base.confirmed(1, 'Taken in from the file.');
    expect(base.of(1)).toBe('Taken in from the file.');
  });

  it('forgets other articles on load, unless a save of theirs is pending', () => {
    const base = new TypingBase();
    base.loaded(1, 'One.');
    base.loaded(2, 'Two.', true);
    expect(base.of(1)).toBe('One.');
    expect(base.of(2)).toBe('Two.');
    base.loaded(3, 'Three.');
    expect(base.of(1)).toBeNull();
    expect(base.of(2)).toBeNull();
    expect(base.of(3)).toBe('Three.');
  });
});
