/**
 * Export (loaded on demand): single file (images inlined) or a folder with image files, then the
 * native folder chooser, `export_articles`, and a report with "Open in browser". A story still under
 * embargo is refused with the core's sentence and an "Export anyway" that sends it to the same folder.
 */
import { button, h } from '../dom';
import { errorMessage, isUiError, type Ipc } from '../ipc';
import type { ExportReport } from '../types';
import type { Toasts } from './toast';

export interface ExportDeps {
  ipc: Pick<Ipc, 'exportArticles' | 'openExported'>;
  toasts: Toasts;
  /** The native folder chooser; null when cancelled. */
  chooseFolder(): Promise<string | null>;
}

export function openExportDialog(deps: ExportDeps, article: { id: number; headline: string; slug: string }): HTMLDialogElement {
  const single = h('input', { type: 'radio', name: 'export-kind', value: 'single', id: 'export-single', checked: true });
  const folder = h('input', { type: 'radio', name: 'export-kind', value: 'folder', id: 'export-folder' });
  const status = h('div', { class: 'export-status', role: 'status', 'aria-live': 'polite' });
  const go = button('Choose folder and export…', () => void run(), { class: 'primary', 'data-testid': 'export-run' });
  const close = button('Close', () => dialog.close());
  const dialog = h(
    'dialog',
    { class: 'dialog', 'aria-labelledby': 'export-title', 'data-testid': 'export-dialog' },
    h('h2', { id: 'export-title' }, 'Export article'),
    h('p', { class: 'muted' }, `“${article.headline || 'Untitled'}” becomes a standalone HTML page, ${article.slug}.html.`),
    h(
      'fieldset',
      {},
      h('legend', {}, 'Format'),
      h('div', { class: 'radio' }, single, h('label', { for: 'export-single' }, 'Single file', h('span', { class: 'muted small' }, ' — images inlined; easy to email or archive'))),
      h('div', { class: 'radio' }, folder, h('label', { for: 'export-folder' }, 'Page with image files', h('span', { class: 'muted small' }, ' — for a web server'))),
    ),
    status,
    h('div', { class: 'dialog-buttons' }, close, go),
  );
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  if (typeof dialog.showModal === 'function') dialog.showModal();
  else dialog.setAttribute('open', '');
  go.focus();

  async function run(): Promise<void> {
    let path: string | null;
    try {
      path = await deps.chooseFolder();
    } catch (err) {
      deps.toasts.error(err, 'The folder dialog could not open');
      return;
    }
    if (path) await exportTo(path, false);
  }

  async function exportTo(path: string, ignoreEmbargo: boolean): Promise<void> {
    go.disabled = true;
    status.replaceChildren('Exporting…');
    try {
      const report = await deps.ipc.exportArticles([article.id], path, single.checked, ignoreEmbargo);
      showReport(report);
    } catch (err) {
      const sentence = h('p', { class: 'field-error', role: 'alert' }, errorMessage(err));
      if (isUiError(err) && err.kind === 'embargoed') {
        const anyway = button('Export anyway', () => void exportTo(path, true), { 'data-testid': 'export-anyway' });
        status.replaceChildren(sentence, h('div', { class: 'dialog-buttons' }, anyway));
      } else {
        status.replaceChildren(sentence);
      }
    } finally {
      go.disabled = false;
    }
  }

  function showReport(report: ExportReport): void {
    const images = report.images.length;
    status.replaceChildren(
      h('p', { class: 'success' }, `Exported ${report.pages.length === 1 ? 'the page' : `${report.pages.length} pages`}${images ? ` and ${images} image${images === 1 ? '' : 's'}` : ''}.`),
      h(
        'ul',
        { class: 'export-files' },
        ...report.pages.map((page) =>
          h('li', {}, h('code', {}, page), ' ', button('Open in browser', () => void open(page), { class: 'primary', 'aria-label': `Open ${page} in the browser` })),
        ),
      ),
    );
    status.querySelector<HTMLButtonElement>('button')?.focus();
  }

  async function open(page: string): Promise<void> {
    try {
      await deps.ipc.openExported(page);
    } catch (err) {
      deps.toasts.error(err, 'The page could not be opened');
    }
  }

  return dialog;
}
