/** Every kind of actor a scenario can place on the diagram. */
export const NODE_KINDS = [
  'browser',
  'stub-resolver',
  'recursive-resolver',
  'root-server',
  'tld-server',
  'authoritative-server',
  'cdn-edge',
  'load-balancer',
  'ingress-controller',
  'app-server',
  'pod',
  'cluster-dns',
  'cache',
  'database',
] as const;

export type NodeKind = (typeof NODE_KINDS)[number];

/** A node on the diagram: one machine or process the request passes through. */
export interface SimNode {
  readonly id: string;
  readonly kind: NodeKind;
  /** Short display name: "Recursive resolver". */
  readonly name: string;
  /** The role line under the name: "Recursive resolver · 198.51.100.53". */
  readonly role: string;
  /** IP address (documentation ranges, RFC 5737) or a private address inside the data centre. */
  readonly address: string;
  /**
   * State keys the diagram's card shows under the role (a replica's health, a pod's image and readiness), each
   * value up to its first ": " (the rest is detail for the node's state panel).
   */
  readonly badges?: readonly string[];
}

/** A network path between two nodes, with its one-way latency. Links are undirected. */
export interface Link {
  readonly from: string;
  readonly to: string;
  readonly latencyMs: number;
}

/** What every node knows at a given step: a small ordered key → value table ("cache: shop.example A" → "203.0.113.10, TTL 300"). */
export type NodeState = Readonly<Record<string, string>>;
