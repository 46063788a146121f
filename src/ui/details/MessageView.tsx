import type { Message } from '../../core/index.ts';
import { CodeView } from './CodeView.tsx';
import { FieldTable } from './FieldTable.tsx';
import { Highlighted } from './Highlighted.tsx';
import { MongoView } from './MongoView.tsx';
import { SqlView } from './SqlView.tsx';
import { TcpView } from './TcpView.tsx';

/** The message as a person would read it, per protocol. */
export function MessageView({ message }: { message: Message }) {
  switch (message.protocol) {
    case 'http':
      return <Highlighted text={message.text} grammar="http" label="HTTP message" />;
    case 'http2':
      return <Highlighted text={message.text} grammar="plain" label="HTTP/2 frames" />;
    case 'dns':
      return <Highlighted text={message.text} grammar="dig" label="DNS message, dig style" />;
    case 'tcp':
      return <TcpView text={message.text} tcp={message.tcp} />;
    case 'tls':
      return <FieldTable caption={`Handshake: ${message.tls.type}`} rows={message.tls.fields} />;
    case 'sql':
      return <SqlView sql={message.sql} text={message.text} />;
    case 'mongodb':
      return <MongoView text={message.text} mongodb={message.mongodb} />;
    case 'internal':
      return message.code ? (
        <CodeView code={message.code} />
      ) : (
        <Highlighted
          text={message.text}
          grammar={/^\s*[[{]/.test(message.text) ? 'json' : 'plain'}
          label="Log"
        />
      );
    default: {
      const never: never = message;
      return never;
    }
  }
}
