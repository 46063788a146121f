import type { Message } from '../../core/index.ts';

/** A short name for what kind of message this is. */
export function protocolLabel(message: Message): string {
  switch (message.protocol) {
    case 'dns':
      return 'DNS';
    case 'tcp':
      return 'TCP';
    case 'tls':
      return 'TLS 1.3';
    case 'http':
      return 'HTTP/1.1';
    case 'sql':
      return message.sql.dialect === 'postgres' ? 'SQL (PostgreSQL)' : 'SQL (MySQL)';
    case 'mongodb':
      return 'MongoDB';
    case 'internal':
      return message.code ? `Code (${message.code.framework})` : 'Inside the node';
    default: {
      const never: never = message;
      return never;
    }
  }
}
