/**
 * Performance figures the page keeps for the benchmarks: typing latencies (scripts/bench-app.sh
 * reads them from `window`) and the first time something is on screen (launch figures).
 */
import { afterNextPaint } from '../logic/frames';

/** How many typing latencies the page keeps for the benchmark (the newest). */
const PERF_SAMPLES = 10_000;

declare global {
  interface Window {
    /** Keystroke → preview DOM patched, in ms, one per keystroke (read by scripts/bench-app.sh). */
    __newsroomPerf?: number[];
    /** Keystroke → the frame after that patch has been painted, in ms. */
    __newsroomPerfPaint?: number[];
    /**
     * Keystroke → the next frame, the one that shows the letter in the editor, in ms: when it
     * begins (its animation-frame callbacks), and after it is painted (the first task after it,
     * which may wait behind other tasks, such as the preview's answer, queued meanwhile).
     */
    __newsroomPerfLetterFrame?: number[];
    __newsroomPerfLetter?: number[];
  }
}

/** Makes the lists the benchmark reads, keeping any it already set. */
export function startPerfSamples(): void {
  window.__newsroomPerf = window.__newsroomPerf ?? [];
  window.__newsroomPerfPaint = window.__newsroomPerfPaint ?? [];
  window.__newsroomPerfLetterFrame = window.__newsroomPerfLetterFrame ?? [];
  window.__newsroomPerfLetter = window.__newsroomPerfLetter ?? [];
}

/** A keystroke's latency to the editor's own frame, which shows the letter (the preview's comes later). */
export function recordLetter(): void {
  const typed = performance.now();
  if (typeof requestAnimationFrame !== 'function') return;
  requestAnimationFrame(() => {
    push(window.__newsroomPerfLetterFrame, [performance.now() - typed]);
    setTimeout(() => push(window.__newsroomPerfLetter, [performance.now() - typed]), 0);
  });
}

/** Typing latencies for the benchmark: to the DOM patch, and to the frame that painted it. */
export function recordTyping(latencies: number[]): void {
  const patched = performance.now();
  try {
    performance.clearMeasures('typing-to-preview');
    performance.measure('typing-to-preview', { start: patched - Math.max(...latencies), end: patched });
  } catch {
    // Older engines lack measure options; window.__newsroomPerf is what the benchmark reads.
  }
  performance.clearMarks('keystroke');
  push(window.__newsroomPerf, latencies);
  afterNextPaint(() => {
    const painted = performance.now() - patched;
    push(window.__newsroomPerfPaint, latencies.map((ms) => ms + painted));
  });
}

/** Marks the first time something is on screen (launch figures), after the frame that paints it. */
export function markOnce(name: string): void {
  if (performance.getEntriesByName(name, 'mark').length > 0) return;
  afterNextPaint(() => {
    if (performance.getEntriesByName(name, 'mark').length === 0) performance.mark(name);
  });
}

function push(samples: number[] | undefined, values: number[]): void {
  if (!samples) return;
  for (const ms of values) samples.push(Math.round(ms * 100) / 100);
  if (samples.length > PERF_SAMPLES) samples.splice(0, samples.length - PERF_SAMPLES);
}
