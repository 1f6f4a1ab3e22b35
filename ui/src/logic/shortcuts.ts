/**
 * Keyboard shortcuts written as CodeMirror does ("Mod-Shift-h", "Mod-Alt-1", "Mod-\\"): parsed once,
 * then matched against keydown events. `Mod` is Cmd on macOS and Ctrl elsewhere.
 */

/** Opens the History tab (Mod-Shift-H is taken: it cycles headings in the editor). */
export const HISTORY_SHORTCUT = 'Mod-Shift-y';
/** Saves now, with a revision. */
export const SAVE_SHORTCUT = 'Mod-s';
/** Creates an article. */
export const NEW_ARTICLE_SHORTCUT = 'Mod-n';
/** Opens the Publish dialog (U for upload; Mod-Shift-P is taken by "insert a photo"). */
export const PUBLISH_SHORTCUT = 'Mod-Shift-u';
/** Opens the story budget (B for budget; Mod-B alone is bold). */
export const BUDGET_SHORTCUT = 'Mod-Shift-b';
/** Adds the note typed under "Notes for the desk" (Enter alone starts a new line of it). */
export const ADD_NOTE_SHORTCUT = 'Mod-Enter';
/** The menu of the spelling or grammar problem at the cursor (as right-clicking its underline). */
export const PROBLEM_MENU_SHORTCUT = 'Mod-.';
/** The next and the previous spelling or grammar problem (the key other editors use). */
export const NEXT_PROBLEM_SHORTCUT = 'F8';
export const PREVIOUS_PROBLEM_SHORTCUT = 'Shift-F8';

export interface Shortcut {
  key: string;
  mod: boolean;
  shift: boolean;
  alt: boolean;
  ctrl: boolean;
  meta: boolean;
}

export function parseShortcut(spec: string): Shortcut {
  // The key is whatever follows the last separating "-", so "Mod--" means the minus key.
  const parts = spec.split(/-(?!$)/);
  const key = parts.pop();
  if (!key) throw new Error(`Empty shortcut: "${spec}"`);
  const s: Shortcut = { key: key.toLowerCase(), mod: false, shift: false, alt: false, ctrl: false, meta: false };
  for (const p of parts) {
    switch (p.toLowerCase()) {
      case 'mod':
        s.mod = true;
        break;
      case 'shift':
        s.shift = true;
        break;
      case 'alt':
        s.alt = true;
        break;
      case 'ctrl':
        s.ctrl = true;
        break;
      case 'cmd':
      case 'meta':
        s.meta = true;
        break;
      default:
        throw new Error(`Unknown modifier "${p}" in shortcut "${spec}"`);
    }
  }
  return s;
}

export interface KeyLike {
  key: string;
  code?: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

/** The key an event names, robust to Alt/Shift changing `key` ("Alt-1" gives "¡" on a Mac). */
function eventKeys(e: KeyLike): string[] {
  const keys = [e.key.toLowerCase()];
  const code = e.code ?? '';
  if (/^Key[A-Z]$/.test(code)) keys.push(code.slice(3).toLowerCase());
  else if (/^Digit\d$/.test(code)) keys.push(code.slice(5));
  else if (code === 'Backslash') keys.push('\\');
  else if (code === 'Slash') keys.push('/');
  return keys;
}

export function matches(e: KeyLike, s: Shortcut, isMac: boolean): boolean {
  const wantCtrl = s.ctrl || (s.mod && !isMac);
  const wantMeta = s.meta || (s.mod && isMac);
  if (e.ctrlKey !== wantCtrl || e.metaKey !== wantMeta || e.altKey !== s.alt) return false;
  // Shift is part of the key for punctuation ("?" is Shift-/), so it only must match for letters/digits.
  const isAlnum = /^[a-z0-9]$/.test(s.key);
  if ((isAlnum || s.shift) && e.shiftKey !== s.shift) return false;
  return eventKeys(e).includes(s.key);
}

/**
 * "Ctrl+Shift+H" on Windows and Linux, "⇧⌘H" on a Mac (modifiers as symbols, in Apple's order:
 * ⌃ ⌥ ⇧ ⌘): for tooltips, hints and the shortcut list.
 */
export function describeShortcut(spec: string, isMac: boolean): string {
  const s = parseShortcut(spec);
  const key = s.key.length === 1 ? s.key.toUpperCase() : s.key[0]!.toUpperCase() + s.key.slice(1);
  if (isMac) {
    return `${s.ctrl ? '⌃' : ''}${s.alt ? '⌥' : ''}${s.shift ? '⇧' : ''}${s.mod || s.meta ? '⌘' : ''}${key}`;
  }
  const mods = [s.mod || s.ctrl ? 'Ctrl' : '', s.meta ? 'Super' : '', s.alt ? 'Alt' : '', s.shift ? 'Shift' : ''];
  return [...mods.filter(Boolean), key].join('+');
}

export type Bindings = Record<string, () => void>;

/** A keydown listener running the first binding that matches; returns whether one ran. */
export function createKeymap(bindings: Bindings, isMac: boolean): (e: KeyLike & { preventDefault(): void }) => boolean {
  const parsed = Object.entries(bindings).map(([spec, run]) => ({ s: parseShortcut(spec), run }));
  return (e) => {
    const hit = parsed.find(({ s }) => matches(e, s, isMac));
    if (!hit) return false;
    e.preventDefault();
    hit.run();
    return true;
  };
}

/**
 * A shortcut's label on this platform: what every place showing a shortcut calls, so a Mac shows
 * ⌘ where Windows and Linux show Ctrl.
 */
export type ShortcutLabel = (spec: string) => string;

export function shortcutLabels(isMac: boolean): ShortcutLabel {
  return (spec) => describeShortcut(spec, isMac);
}

export function detectMac(platform: string): boolean {
  return /mac|iphone|ipad/i.test(platform);
}

/** What {@link isMacNavigator} reads of `navigator`. */
export interface NavigatorLike {
  platform?: string;
  userAgent?: string;
  /** Chromium's (WebView2's) newer field; WebKit has none. */
  userAgentData?: { platform?: string };
}

/**
 * Whether the page runs on a Mac, from the navigator it is given (the real one in the app, a
 * stand-in in tests). WKWebView reports `platform` "MacIntel" (on Apple silicon too), WebView2
 * "Win32", WebKitGTK "Linux x86_64".
 */
export function isMacNavigator(nav: NavigatorLike): boolean {
  return detectMac(nav.userAgentData?.platform || nav.platform || nav.userAgent || '');
}
