/**
 * What the editor chose to ignore, per article, until the app closes: a misspelt word wherever
 * it appears in that article, a grammar problem wherever its message meets the same text.
 * Nothing is stored: unlike the library's dictionary, ignoring is for this sitting only.
 */
import type { Problem } from '../types';

export class IgnoreList {
  private readonly byArticle = new Map<number, Set<string>>();

  add(article: number, problem: Problem): void {
    let keys = this.byArticle.get(article);
    if (!keys) this.byArticle.set(article, (keys = new Set()));
    keys.add(keyOf(problem));
  }

  has(article: number, problem: Problem): boolean {
    return this.byArticle.get(article)?.has(keyOf(problem)) ?? false;
  }
}

/** Two problems alike for ignoring (a newline cannot be part of a word or a message). */
function keyOf(p: Problem): string {
  return p.kind === 'spelling' ? `spelling\n${p.word}` : `grammar\n${p.message}\n${p.word}`;
}
