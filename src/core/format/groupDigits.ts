/**
 * An integer with its thousands grouped by commas ("10,000"), as `toLocaleString('en-US')` writes it,
 * without loading the browser's locale data (10–15 ms on the first call in a fresh page).
 */
export function groupDigits(n: number): string {
  if (!Number.isInteger(n)) return String(n);
  const digits = String(Math.abs(n));
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return n < 0 ? `-${grouped}` : grouped;
}
