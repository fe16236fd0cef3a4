/**
 * Work that can wait until the browser is idle: after the next paint, when a frame has time to spare
 * (requestIdleCallback), or at the latest after `timeout` ms. A widget uses it for what its first paint
 * does not need (the Pareto chart's tiers, the quadrant's hit-testing index), so that work never delays
 * the frame that shows the chart. Returns a function that cancels the task.
 */
export function whenIdle(task: () => void, timeout = 1000): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(task, { timeout });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(task, 50);
  return () => clearTimeout(handle);
}
