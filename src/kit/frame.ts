// Coalesce bursts of input (a dragged slider fires dozens of events per frame) into one update
// per animation frame.
export function perFrame(fn: () => void): () => void {
  let queued = false;
  return () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      fn();
    });
  };
}
