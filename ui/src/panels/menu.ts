/**
 * A small popup menu (role="menu") opened from a button, or at some text as a context menu: arrow
 * keys move, Enter chooses, Escape closes and returns focus.
 */
import { h } from '../dom';

export interface MenuItem {
  label: string;
  run: () => void;
  danger?: boolean;
}

/** A context menu's place: the box of the text it is about, and its title (shown, and its name). */
export interface MenuPlace {
  rect: { left: number; top: number; bottom: number };
  label: string;
}

let openMenu: { el: HTMLElement; close: () => void } | null = null;

/** Opens `items` under `anchor` (a button), or at `place` with the focus returning to `anchor`. */
export function showMenu(anchor: HTMLElement, items: MenuItem[], place?: MenuPlace): void {
  openMenu?.close();
  const el = h(
    'div',
    { class: 'menu', role: 'menu', 'aria-label': place?.label ?? anchor.getAttribute('aria-label') ?? 'Actions' },
    place && h('div', { class: 'menu-title', 'aria-hidden': 'true' }, place.label),
  );
  const buttons = items.map((item) => {
    const b = h('button', { type: 'button', role: 'menuitem', class: item.danger ? 'danger' : null, tabindex: '-1' }, item.label);
    b.addEventListener('click', () => {
      close();
      item.run();
    });
    return b;
  });
  el.append(...buttons);
  const rect = place?.rect ?? anchor.getBoundingClientRect();
  el.style.top = `${Math.round(rect.bottom + 4)}px`;
  el.style.left = `${Math.round(Math.max(8, Math.min(rect.left, window.innerWidth - 220)))}px`;
  const onKey = (e: KeyboardEvent) => {
    const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'Escape') {
      e.preventDefault();
      close();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = (i + (e.key === 'ArrowDown' ? 1 : buttons.length - 1)) % buttons.length;
      buttons[next]?.focus();
    } else if (e.key === 'Tab') {
      close(false);
    }
  };
  const onOutside = (e: MouseEvent) => {
    if (!el.contains(e.target as Node) && (place || e.target !== anchor)) close(false);
  };
  function close(refocus = true) {
    el.remove();
    document.removeEventListener('keydown', onKey, true);
    document.removeEventListener('mousedown', onOutside, true);
    if (!place) anchor.setAttribute('aria-expanded', 'false');
    if (openMenu?.el === el) openMenu = null;
    if (refocus) anchor.focus();
  }
  document.addEventListener('keydown', onKey, true);
  document.addEventListener('mousedown', onOutside, true);
  // A context menu's anchor is no button: it has nothing to expand.
  if (!place) anchor.setAttribute('aria-expanded', 'true');
  document.body.append(el);
  // Near the window's bottom the menu opens above its text or button.
  if (rect.bottom + 4 + el.offsetHeight > window.innerHeight) el.style.top = `${Math.max(8, Math.round(rect.top - 4 - el.offsetHeight))}px`;
  openMenu = { el, close: () => close(false) };
  buttons[0]?.focus();
}
