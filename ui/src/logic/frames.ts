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

/**
 * A function that asks for `run` at the next frame, however many times it is called before then:
 * scrolls, resizes and arriving pages each ask, and a virtual list is drawn once per frame.
 */
export function oncePerFrame(run: () => void): () => void {
  let queued = false;
  const go = () => {
    queued = false;
    run();
  };
  return () => {
    if (queued) return;
    queued = true;
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(go);
    else setTimeout(go, 0);
  };
}
