/** Whether this page may go fullscreen (false in an iframe without allow="fullscreen"). */
export function canFullscreen(): boolean {
  return typeof document !== 'undefined' && document.fullscreenEnabled === true;
}

/** Enters or leaves fullscreen; a refusal (no permission, no user gesture) changes nothing. */
export function toggleFullscreen(): void {
  if (!canFullscreen()) return;
  const run = document.fullscreenElement
    ? document.exitFullscreen()
    : document.documentElement.requestFullscreen();
  void run.catch(() => undefined);
}
