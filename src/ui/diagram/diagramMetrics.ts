/** Sizes of the diagram's layout, in flow units. */
export interface DiagramMetrics {
  readonly nodeWidth: number;
  readonly nodeHeight: number;
  /** Wide enough for a packet's label (its max-width in diagram.css) between two columns. */
  readonly columnGap: number;
  readonly rowGap: number;
  readonly laneGap: number;
}

/**
 * The regular layout, and the projector's: narrower, taller nodes whose names are larger and may wrap,
 * so that at 1920×1080 a node's name is at least 1/50 of the height on screen.
 */
export const DIAGRAM_METRICS = {
  regular: { nodeWidth: 272, nodeHeight: 96, columnGap: 184, rowGap: 22, laneGap: 44 },
  projector: { nodeWidth: 232, nodeHeight: 144, columnGap: 184, rowGap: 22, laneGap: 44 },
} as const satisfies Record<string, DiagramMetrics>;
