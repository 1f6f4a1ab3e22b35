/**
 * The main area's layout modes: the preview's frame is measured again only when a mode changes
 * its width, never when the mode is set to what it is (start-up, where measuring lays out the
 * whole window before the first article can load).
 */
import { describe, expect, it, vi } from 'vitest';
import { makeLayout } from '../src/app/layout';

function setup() {
  document.body.innerHTML = `
    <div id="panes"><div class="pane pane-preview"><div class="preview"></div></div></div>
    <div id="write-view"></div><div id="photo-library-view" hidden></div><div id="history-view" hidden></div>
    <div id="conflict-view" hidden></div><div id="web-edit-view" hidden></div>
    <button data-mode="editor"></button><button data-mode="split"></button><button data-mode="preview"></button>`;
  const preview = { root: document.querySelector<HTMLElement>('.preview')!, fit: vi.fn() };
  const editor = { root: document.createElement('div'), view: { requestMeasure: vi.fn() } };
  const layout = makeLayout({ editor: editor as never, preview, onShow: vi.fn() }, document.body);
  const pressed = () => [...document.querySelectorAll<HTMLElement>('button[data-mode]')].filter((b) => b.getAttribute('aria-pressed') === 'true').map((b) => b.dataset.mode);
  return { layout, preview, pressed };
}

describe('layout modes', () => {
  it('sets the starting mode without measuring the preview', () => {
    const { layout, preview, pressed } = setup();
    layout.setMode('split');
    expect(document.getElementById('panes')!.dataset.mode).toBe('split');
    expect(pressed()).toEqual(['split']);
    expect(preview.fit).not.toHaveBeenCalled();
  });

  it('measures the preview again when a mode changes its width', () => {
    const { layout, preview, pressed } = setup();
    layout.setMode('preview');
    expect(preview.fit).toHaveBeenCalledTimes(1);
    layout.cycleMode();
    expect(layout.mode).toBe('editor');
    expect(pressed()).toEqual(['editor']);
    expect(preview.fit).toHaveBeenCalledTimes(2);
  });
});
