/**
 * Entry point: the Tauri platform pieces (native dialogs, dropped files, pasted images, the
 * window's close request) around the App controller.
 */
// First: starts the request for the first screen before the heavier modules below run.
import { firstScreen, insideTauri } from './boot';
import './styles/app.css';
import { convertFileSrc } from '@tauri-apps/api/core';
import { App, type Platform } from './app';
import { ipc } from './ipc';
import { isImagePath, mediaUrls } from './logic/media';
import { isMacNavigator } from './logic/shortcuts';

const platform: Platform = {
  isMac: isMacNavigator(navigator),
  mediaUrl: mediaUrls(convertFileSrc),
  picker: {
    images: (multiple) => ipc.pickImages(multiple, multiple ? 'Attach photos' : 'Choose the photo’s file'),
  },
  chooseFolder: (title = 'Export into this folder') => ipc.pickFolder(title),
};

/** Files dragged over and dropped on the window, and its close button, as the shell tells them. */
async function installWindowHooks(app: App): Promise<void> {
  const overlay = document.getElementById('drop-overlay');
  const showOverlay = (shown: boolean): void => {
    if (overlay) overlay.hidden = !shown;
  };
  await ipc.onShellEvent('drag_entered', () => showOverlay(true));
  await ipc.onShellEvent('drag_left', () => showOverlay(false));
  await ipc.onShellEvent('dropped', ({ paths }) => {
    showOverlay(false);
    const images = paths.filter(isImagePath);
    if (images.length > 0) void app.attachDropped(images);
    else if (paths.length > 0) app.toasts.info('Only JPEG, PNG, WebP and GIF images can be attached.');
  });
  // Never lose the last edit: flush the pending save before the window goes. If it fails, keep the
  // window open once and say so; a second close quits anyway.
  let warned = false;
  await ipc.onShellEvent('close_requested', () => {
    void (async () => {
      const saved = await app.flush();
      const close = saved || warned;
      if (!close) {
        warned = true;
        app.toasts.error({ kind: 'io', message: 'Your latest edit could not be saved. Retry, or close again to quit without it.' });
      }
      await ipc.answerClose(close);
    })().catch((err: unknown) => app.toasts.error(err, 'The window could not be closed'));
  });
}

function installPaste(app: App): void {
  document.addEventListener('paste', (e) => {
    const target = e.target as HTMLElement | null;
    // Pasting into a form field is plain text; images go to the article.
    if (target?.closest('input, textarea, select')) return;
    const file = [...(e.clipboardData?.files ?? [])].find((f) => f.type.startsWith('image/'));
    if (!file) return;
    e.preventDefault();
    void app.attachPasted(file);
  }, true);
}

const app = new App(ipc, platform);
performance.mark('app-built');
installPaste(app);
if (insideTauri) {
  void installWindowHooks(app).catch((err: unknown) => app.toasts.error(err, 'Dropping files and safe closing are unavailable'));
  void app.start(firstScreen ?? undefined);
} else {
  app.toasts.error({ kind: 'unsupported', message: 'This page is the Newsroom app’s interface; open it through the Newsroom application.' });
}
window.addEventListener('unhandledrejection', (e) => app.toasts.error(e.reason, 'Something went wrong'));
