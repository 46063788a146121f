import type { TcpSegment } from '../../core/index.ts';
import { FieldTable } from './FieldTable.tsx';
import { Highlighted } from './Highlighted.tsx';
import { groupDigits } from '../../core/index.ts';

/** A TCP segment: its header fields, then the tcpdump line. */
export function TcpView({ text, tcp }: { text: string; tcp: TcpSegment }) {
  return (
    <>
      <FieldTable
        caption="TCP segment"
        rows={[
          ['from', `${tcp.src}:${tcp.srcPort}`],
          ['to', `${tcp.dst}:${tcp.dstPort}`],
          ['flags', tcp.flags.join(', ')],
          ['sequence number', String(tcp.seq)],
          ['acknowledgement', tcp.ack === null ? '—' : String(tcp.ack)],
          ['window', `${groupDigits(tcp.window)} bytes`],
          ['data', `${tcp.length} bytes`],
        ]}
      />
      <Highlighted text={text} grammar="plain" label="tcpdump line" />
    </>
  );
}
