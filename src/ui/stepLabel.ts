/** "Step 7 of 31", the counter every part of the player uses. */
export function stepLabel(index: number, count: number): string {
  return `Step ${Math.min(index + 1, Math.max(count, 1))} of ${count}`;
}
