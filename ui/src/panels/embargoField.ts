/**
 * The Embargo field of the Details tab: a date and time in this computer's time zone (named beside
 * it, so nobody sets 18:00 thinking of another city's clock), "Lift embargo", and a line saying
 * what the embargo means now. A date typed in a datetime-local field is complete only once every
 * part is, so the field is saved when it is left (or on Enter), never part-way through typing.
 */
import { button, field, h } from '../dom';
import { embargoLine, readEmbargo } from '../logic/embargo';
import { localTimeZone, unixToLocalDateTime } from '../logic/localTime';
import type { Article } from '../types';

export interface EmbargoFieldDeps {
  /**
   * Saves the embargo (`null` lifts it). Resolves the saved article while it is still the one
   * shown; `null` when refused (the core's sentence is then in `error`) or another one opened.
   */
  save(embargo: number | null, error: HTMLElement): Promise<Article | null>;
  /** The clock, in Unix seconds. */
  now(): number;
}

/** The longest wait a timer takes (about 24 days); a later end is checked again then. */
const LONGEST_TIMER_MS = 2 ** 31 - 1;

export class EmbargoField {
  readonly wrap: HTMLElement;
  private readonly input: HTMLInputElement;
  private readonly error: HTMLElement;
  private readonly line: HTMLElement;
  private readonly lift: HTMLButtonElement;
  private embargo: number | null = null;
  /** The field's text as last loaded or sent: leaving the field unchanged sends nothing. */
  private committed = '';
  /** Counts loads, so a save answered after another article opened leaves the field alone. */
  private generation = 0;
  /** Redraws the line the moment the embargo ends. */
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly deps: EmbargoFieldDeps) {
    this.input = h('input', { type: 'datetime-local', 'data-testid': 'meta-embargo' });
    const f = field('meta-embargo', 'Embargo', this.input, 'The story must not go out before this time.');
    this.error = f.error;
    const zone = h('span', { class: 'field-zone', id: 'meta-embargo-zone', title: 'This computer’s time zone' }, localTimeZone());
    this.input.setAttribute('aria-describedby', `meta-embargo-zone ${this.input.getAttribute('aria-describedby') ?? ''}`.trim());
    this.line = h('p', { class: 'embargo-line', role: 'status', 'data-testid': 'embargo-line' });
    this.lift = button('Lift embargo', () => void this.save(null), { class: 'link-button', hidden: true, 'data-testid': 'lift-embargo' });
    f.wrap.insertBefore(h('div', { class: 'field-with-zone' }, this.input, zone), f.hint);
    f.wrap.append(h('div', { class: 'embargo-state' }, this.line, this.lift));
    this.wrap = f.wrap;

    this.input.addEventListener('blur', () => void this.saveTyped());
    // A change while the field has the focus is a part of the date typed: it waits for the blur.
    this.input.addEventListener('change', () => {
      if (document.activeElement !== this.input) void this.saveTyped();
    });
    this.input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') this.input.blur();
    });
  }

  /** Shows an article's embargo (`null`: none). */
  load(embargo: number | null): void {
    this.generation++;
    this.error.textContent = '';
    this.show(embargo, true);
  }

  private show(embargo: number | null, fillField: boolean): void {
    this.embargo = embargo;
    this.committed = embargo === null ? '' : unixToLocalDateTime(embargo);
    if (fillField) this.input.value = this.committed;
    this.lift.hidden = embargo === null;
    this.render();
  }

  private render(): void {
    clearTimeout(this.timer);
    const now = this.deps.now();
    const line = embargoLine(this.embargo, now);
    this.line.textContent = line?.text ?? '';
    this.line.dataset.holds = String(line?.holds ?? false);
    if (line?.holds && this.embargo !== null) {
      this.timer = setTimeout(() => this.render(), Math.min((this.embargo - now) * 1000, LONGEST_TIMER_MS));
    }
  }

  private async saveTyped(): Promise<void> {
    const bad = this.input.validity.badInput;
    if (!bad && this.input.value === this.committed) {
      this.error.textContent = '';
      return;
    }
    const read = readEmbargo(this.input.value, bad);
    if ('error' in read) {
      this.error.textContent = read.error;
      return;
    }
    await this.save(read.ok);
  }

  private async save(embargo: number | null): Promise<void> {
    const generation = this.generation;
    const before = this.committed;
    this.committed = embargo === null ? '' : unixToLocalDateTime(embargo);
    const updated = await this.deps.save(embargo, this.error);
    if (generation !== this.generation) return;
    if (!updated) {
      this.committed = before;
      return;
    }
    // What the core kept; the field itself is left alone while the editor is back in it.
    this.show(updated.embargo, document.activeElement !== this.input);
  }
}
