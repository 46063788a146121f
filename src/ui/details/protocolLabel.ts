import type { Message, NodeKind } from '../../core/index.ts';

/**
 * What an in-process message is when it crosses between two nodes: a command to Redis and its reply
 * (RESP over TCP). The browser's hop to the stub resolver is a DNS query (Chrome's own DNS client),
 * so no other pair of nodes exchanges an internal message in any scenario on any stack.
 */
function betweenNodes(from: NodeKind, to: NodeKind): string {
  if (from === 'cache' || to === 'cache') return 'Redis (RESP)';
  return 'Between the nodes';
}

/**
 * A short name for what kind of message this is; `hop` is the step's from and to node kinds when it
 * goes from one node to another ("Inside the node" is only for work inside one).
 */
export function protocolLabel(message: Message, hop: readonly [NodeKind, NodeKind] | null = null): string {
  switch (message.protocol) {
    case 'dns':
      return 'DNS';
    case 'tcp':
      return 'TCP';
    case 'tls':
      return 'TLS 1.3';
    case 'http':
      return 'HTTP/1.1';
    case 'http2':
      return 'HTTP/2';
    case 'sql':
      return message.sql.dialect === 'postgres' ? 'SQL (PostgreSQL)' : 'SQL (MySQL)';
    case 'mongodb':
      return 'MongoDB';
    case 'internal':
      if (hop) return betweenNodes(...hop);
      return message.code ? `Code (${message.code.framework})` : 'Inside the node';
    default: {
      const never: never = message;
      return never;
    }
  }
}
