/**
 * Asks the shell for the first screen (the newest article, opened) the moment the bundle starts
 * running. main.ts imports this module first, and modules run in import order, so the database
 * work in the shell overlaps the start-up of CodeMirror and the panels instead of following it
 * (about 50 ms of a cold launch).
 */
import { ipc } from './ipc';
import { APP_STACKS, settleFontStacks } from './logic/fontStacks';
import { LIBRARY_PAGE_SIZE } from './logic/virtualList';
import type { FirstScreen } from './types';

// Launch marks (scripts/bench/bench_app.py prints where the page's time goes): the bundle runs.
performance.mark('boot');

/** Whether the page runs inside the Newsroom app (and not in a plain browser tab). */
export const insideTauri = typeof window !== 'undefined' && '__TAURI_INTERNALS__' in window;

/** The shell's answer, already on its way; null outside the app. */
export const firstScreen: Promise<FirstScreen> | null = insideTauri ? ipc.firstScreen(LIBRARY_PAGE_SIZE) : null;

// While the shell reads the database: the window's font stacks without the families this
// machine lacks, before the first layout looks each of them up per style (logic/fontStacks.ts).
settleFontStacks(document, APP_STACKS);
