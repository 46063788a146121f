/** The Export menu's items, in order, with the names PRODUCT.md §5 gives them. */
export const EXPORT_ITEMS = [
  { id: 'png', label: 'PNG — this step', ranged: false },
  { id: 'zip', label: 'PNG — all steps (zip)', ranged: true },
  { id: 'svg', label: 'SVG — this step', ranged: false },
  { id: 'gif', label: 'GIF', ranged: true },
  { id: 'video', label: 'Video', ranged: true },
  { id: 'pptx', label: 'PowerPoint', ranged: true },
  { id: 'handout', label: 'Handout', ranged: true },
] as const;
export type ExportItemId = (typeof EXPORT_ITEMS)[number]['id'];
