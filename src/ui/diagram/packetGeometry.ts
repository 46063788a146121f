import type { DiagramMetrics } from './diagramMetrics.ts';
import type { PacketPlace } from './packetPoint.ts';

/** Flow units between a packet's end and the card it leaves or reaches (its ring is 3 px). */
export const PACKET_CLEARANCE = 6;

/**
 * How wide a packet may be, its border included: the column gap less its clearance at both ends
 * (diagram.css's --rt-packet-width), so it never covers a card, in flight or arrived.
 */
export const packetMaxWidth = (metrics: DiagramMetrics): number => metrics.columnGap - 2 * PACKET_CLEARANCE;

/** A packet's padding at its sides (--rt-packet-pad): a phone's narrow gap leaves its label more room. */
export const packetPadding = (metrics: DiagramMetrics): number => (metrics.columnGap < 150 ? 6 : 10);

/**
 * How far a packet `width` wide starts left of its point: `along` of its own width, less the
 * clearance at the start and more at the end. Its left end is PACKET_CLEARANCE right of the left
 * card when it leaves, its right end as far left of the right card when it arrives. The live
 * diagram (Packet.tsx, as a CSS shift of the packet's own width) and the exported scene
 * (drawPacket.ts, in flow units) both place a packet by it.
 */
export function packetOffset(along: number): { readonly ofWidth: number; readonly px: number } {
  return { ofWidth: -along, px: (1 - 2 * along) * PACKET_CLEARANCE };
}

/** The left end of a packet `width` flow units wide at `place`. */
export const packetLeft = (place: PacketPlace, width: number): number => {
  const { ofWidth, px } = packetOffset(place.along);
  return place.x + ofWidth * width + px;
};
