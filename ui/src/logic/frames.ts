/**
 * Runs `run` once the next frame has been painted: a task queued from a requestAnimationFrame
 * callback runs after that frame's style, layout and paint. Used for "drawn" marks and for the
 * typing latency as the editor sees it on screen.
 */
export function afterNextPaint(run: () => void): void {
  if (typeof requestAnimationFrame !== 'function') {
    setTimeout(run, 0);
    return;
  }
  requestAnimationFrame(() => setTimeout(run, 0));
}
