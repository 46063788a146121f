/**
 * Copies text to the clipboard; where the Clipboard API is missing or refused (an iframe, file://),
 * falls back to selecting the text of `field` and the older copy command. Resolves to whether it worked.
 */
export async function copyText(
  text: string,
  field: HTMLInputElement | HTMLTextAreaElement | null,
): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    if (!field) return false;
    field.focus();
    field.select();
    try {
      // Deprecated, but the one way left where the Clipboard API is not allowed.
      return document.execCommand('copy');
    } catch {
      return false;
    }
  }
}
