/**
 * The status bar's word count: "820 words · 4 min read", or against the desk's plan
 * "820 / 900 words · 4 min read" with a bar of the way there. Count and bar turn amber when the
 * story is more than a tenth off the plan; the bar is named for screen readers
 * ("820 of 900 planned words").
 */
import { h } from '../dom';
import { formatReadingTime, formatWordStats } from '../logic/text';
import { wordTarget } from '../logic/wordTarget';

export class WordStats {
  readonly root: HTMLElement;
  private readonly text: HTMLElement;
  private readonly bar: HTMLProgressElement;

  constructor() {
    this.text = h('span', { class: 'word-stats-text', 'data-testid': 'word-stats' });
    this.bar = h('progress', { class: 'word-target', 'data-testid': 'word-target', hidden: true });
    this.root = h('span', { class: 'word-stats' }, this.text, this.bar);
    this.show(0, 0, null);
  }

  /** The core's count of the saved text and its reading time, and the article's plan (`null`: none). */
  show(words: number, minutes: number, planned: number | null): void {
    if (planned === null) {
      this.text.textContent = formatWordStats(words, minutes);
      this.bar.hidden = true;
      this.root.removeAttribute('data-state');
      this.root.removeAttribute('title');
      return;
    }
    const target = wordTarget(words, planned);
    this.text.textContent = `${target.text} · ${formatReadingTime(minutes)}`;
    this.bar.hidden = false;
    this.bar.max = planned;
    // Past the plan the bar stays full; the amber and the numbers say by how much.
    this.bar.value = Math.min(words, planned);
    this.bar.setAttribute('aria-label', target.label);
    this.root.dataset.state = target.state;
    this.root.title = target.detail;
  }
}
