/** The protocols a step's message can belong to (PRODUCT.md §5, Timeline JSON). */
export type Protocol = 'dns' | 'tcp' | 'tls' | 'http' | 'http2' | 'sql' | 'mongodb' | 'internal';

export type Header = readonly [name: string, value: string];

export interface HttpRequest {
  readonly kind: 'request';
  readonly method: string;
  readonly target: string;
  readonly version: 'HTTP/1.1';
  readonly headers: readonly Header[];
  readonly body: string;
}

export interface HttpResponse {
  readonly kind: 'response';
  readonly version: 'HTTP/1.1';
  readonly status: number;
  readonly reason: string;
  readonly headers: readonly Header[];
  /** The body as the page gets it: with `coding`, what the browser has after decoding it. */
  readonly body: string;
  /**
   * A body sent compressed (Content-Encoding) in chunks (Transfer-Encoding: chunked): the coding and the size
   * of each chunk's data in bytes. The compressed bytes themselves are binary; the wire text stands them in.
   */
  readonly coding?: {
    readonly name: 'gzip';
    readonly chunks: readonly number[];
    /** The bytes the whole response would have taken on the wire uncompressed (head and body). */
    readonly identityBytes: number;
  };
}

/** One HTTP/2 frame (RFC 9113 §4): its type, stream, flags, payload, and the lines a trace shows for it. */
export interface Http2Frame {
  readonly type: 'SETTINGS' | 'WINDOW_UPDATE' | 'HEADERS' | 'DATA';
  /** 0 for the connection's own frames. */
  readonly stream: number;
  readonly flags: readonly string[];
  /** The payload as hex; its length is the frame's length field. */
  readonly payload: string;
  /** What it says, one line each: settings, the increment, the decoded header fields with HPACK's choices. */
  readonly lines: readonly string[];
}

/** What one side sends in one go on an HTTP/2 connection: frames, after the client's preface when it opens. */
export interface Http2Message {
  readonly preface: boolean;
  readonly frames: readonly Http2Frame[];
}

export type DnsRecordType = 'A' | 'AAAA' | 'CNAME' | 'NS' | 'SOA';

export interface DnsRecord {
  readonly name: string;
  readonly type: DnsRecordType;
  readonly ttl: number;
  /** A: an IPv4 address; AAAA: an IPv6 address; CNAME, NS: a host name; SOA: "mname rname serial refresh retry expire minimum". */
  readonly data: string;
}

export interface DnsMessage {
  readonly id: number;
  readonly kind: 'query' | 'response';
  /** Recursion desired (set by stubs asking a recursive resolver, clear on iterative queries). */
  readonly rd: boolean;
  readonly ra: boolean;
  readonly aa: boolean;
  readonly rcode: 'NOERROR' | 'NXDOMAIN';
  readonly question: { readonly name: string; readonly type: DnsRecordType };
  readonly answers: readonly DnsRecord[];
  readonly authorities: readonly DnsRecord[];
  readonly additionals: readonly DnsRecord[];
  /** Address of the server asked, for the dig-style ";; SERVER:" line. */
  readonly server: string;
  /**
   * EDNS(0): the UDP payload size its OPT pseudo-record advertises (RFC 6891) and its DO bit ("DNSSEC OK",
   * RFC 3225: the sender wants signatures), or null for a message without one. dig counts the OPT record in
   * ADDITIONAL.
   */
  readonly edns: { readonly udp: number; readonly do: boolean } | null;
}

export type TcpFlag = 'SYN' | 'ACK' | 'FIN' | 'RST' | 'PSH';

export interface TcpSegment {
  readonly src: string;
  readonly srcPort: number;
  readonly dst: string;
  readonly dstPort: number;
  readonly flags: readonly TcpFlag[];
  readonly seq: number;
  readonly ack: number | null;
  readonly window: number;
  readonly length: number;
  /**
   * The timestamps option (RFC 7323), which Linux sends on every segment of a connection whose SYN
   * carried it (net.ipv4.tcp_timestamps = 1): TS val, the sender's clock, and TS ecr, the last val it
   * received (0 in a SYN). Null on a RST, which carries no options.
   */
  readonly timestamps: { readonly val: number; readonly ecr: number } | null;
}

export interface TlsMessage {
  /** Handshake message or record name: ClientHello, ServerHello, EncryptedExtensions, Certificate, ... */
  readonly type: string;
  /** Human-readable fields in wire order. */
  readonly fields: readonly Header[];
}

export interface SqlQuery {
  readonly dialect: 'postgres' | 'mysql';
  readonly statement: string;
  readonly params: readonly (string | number)[];
  /** Result rows as returned by the driver (empty for statements without rows). */
  readonly rows: readonly Readonly<Record<string, string | number | boolean | null>>[];
  /** The access path the planner chooses. */
  readonly plan: 'index' | 'scan' | 'none';
  readonly rowsExamined: number;
  /**
   * The MySQL client/server protocol command that carries it: COM_QUERY (SQL text, values written into it),
   * COM_STMT_PREPARE (SQL with `?`), COM_STMT_EXECUTE (a prepared statement's id and the values),
   * COM_STMT_CLOSE. Absent for PostgreSQL.
   */
  readonly command?: 'COM_QUERY' | 'COM_STMT_PREPARE' | 'COM_STMT_EXECUTE' | 'COM_STMT_CLOSE';
}

export interface MongoQuery {
  readonly collection: string;
  /** The shell helper the handler's call amounts to (mongosh's `db.products.findOne(…)`). */
  readonly operation: 'findOne' | 'find' | 'insertOne' | 'getMore';
  /**
   * The command document the driver really sends (OP_MSG): `find` (findOne is `find` with `limit: 1`,
   * `singleBatch: true`) or `insert` with the document, `_id` made by the driver.
   */
  readonly command: Readonly<Record<string, unknown>>;
  readonly filter: Readonly<Record<string, unknown>>;
  /** The cursor's order and most documents (`.sort(…).limit(…)`), where the handler sets them. */
  readonly sort?: Readonly<Record<string, 1 | -1>>;
  readonly limit?: number;
  readonly projection: Readonly<Record<string, 0 | 1>> | null;
  readonly document: Readonly<Record<string, unknown>> | null;
  readonly docs: readonly Readonly<Record<string, unknown>>[];
  readonly plan: 'index' | 'scan' | 'none';
  readonly docsExamined: number;
}

/** Source code with the line that is running (1-based). */
export interface CodeView {
  readonly language: string;
  readonly framework: string;
  readonly file: string;
  readonly source: string;
  readonly line: number;
}

interface MessageBase {
  /** One line for the packet label and lists: "SYN", "GET /api/products/42", "200 OK". */
  readonly summary: string;
  /** Exactly what is on the wire or in the log: CRLF HTTP, a SQL statement, a dig-style answer... */
  readonly text: string;
}

/** What travels in a step, as structured data plus its wire text, discriminated by protocol. */
export type Message =
  | (MessageBase & { readonly protocol: 'dns'; readonly dns: DnsMessage })
  | (MessageBase & { readonly protocol: 'tcp'; readonly tcp: TcpSegment })
  | (MessageBase & { readonly protocol: 'tls'; readonly tls: TlsMessage })
  | (MessageBase & { readonly protocol: 'http'; readonly http: HttpRequest | HttpResponse })
  | (MessageBase & { readonly protocol: 'http2'; readonly http2: Http2Message })
  | (MessageBase & { readonly protocol: 'sql'; readonly sql: SqlQuery })
  | (MessageBase & { readonly protocol: 'mongodb'; readonly mongodb: MongoQuery })
  | (MessageBase & { readonly protocol: 'internal'; readonly code?: CodeView });
