/**
 * The inspector beside the editor: its tabs (Details, Photos, Related, History), moved between by
 * click or the arrow keys, and the panels each shows.
 */
import { byId } from '../dom';
import { HISTORY_SHORTCUT, type ShortcutLabel } from '../logic/shortcuts';
import type { HistoryPanel } from '../panels/history';
import type { PhotosPanel } from '../panels/photos';

export type InspectorTab = 'details' | 'photos' | 'related' | 'history';

export interface InspectorDeps {
  keys: ShortcutLabel;
  /** The Details tab's sections, in order. */
  details: HTMLElement[];
  photos: Pick<PhotosPanel, 'root' | 'focusFirst'>;
  related: { root: HTMLElement };
  history: Pick<HistoryPanel, 'root' | 'setActive' | 'focus'>;
}

export type Inspector = ReturnType<typeof makeInspector>;

export function makeInspector({ keys, details, photos, related, history }: InspectorDeps, root: HTMLElement) {
  const detailsPanel = byId('inspector-details', root);
  // The desk fields, then the story's dated entries; its publications follow once loaded.
  detailsPanel.append(...details);
  byId('inspector-photos', root).append(photos.root);
  byId('inspector-related', root).append(related.root);
  byId('inspector-history', root).append(history.root);
  byId('tab-history', root).title = `Revision history (${keys(HISTORY_SHORTCUT)})`;

  /** Shows `tab`; `focus` moves the keyboard into it (its first photo or revision). */
  function show(tab: InspectorTab, focus = false): void {
    document.querySelectorAll<HTMLButtonElement>('.inspector [role="tab"]').forEach((t) => {
      const on = t.dataset.tab === tab;
      t.setAttribute('aria-selected', String(on));
      t.tabIndex = on ? 0 : -1;
    });
    document.querySelectorAll<HTMLElement>('.inspector [role="tabpanel"]').forEach((p) => {
      p.hidden = p.id !== `inspector-${tab}`;
    });
    if (focus && tab === 'photos') photos.focusFirst();
    const shown = history.setActive(tab === 'history');
    if (focus && tab === 'history') void shown.then(() => history.focus());
  }

  const tabs = [...root.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
  for (const tab of tabs) {
    tab.addEventListener('click', () => show(tab.dataset.tab as InspectorTab));
    tab.addEventListener('keydown', (e) => {
      const i = tabs.indexOf(tab);
      const next = e.key === 'ArrowRight' ? (i + 1) % tabs.length : e.key === 'ArrowLeft' ? (i + tabs.length - 1) % tabs.length : -1;
      if (next >= 0) {
        e.preventDefault();
        tabs[next]!.focus();
        show(tabs[next]!.dataset.tab as InspectorTab);
      }
    });
  }

  return {
    /** The Details tab's panel (the article's publications are placed under it once loaded). */
    details: detailsPanel,
    show,
  };
}
