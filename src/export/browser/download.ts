/** Hands a file to the browser's downloads, as a link with `download` clicked would. */
export function download(bytes: Uint8Array | string, name: string, type: string): void {
  const blob = new Blob([bytes as BlobPart], { type });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy once started; give it a moment before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
