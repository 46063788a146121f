import type { Database } from '../../model/stack.ts';
import type { DriverFailures } from '../types.ts';
import { at, TCP_GIVES_UP, SELECTION, MONGO_STUCK } from './shared.ts';

const hikari = (cause: string): DriverFailures => ({
  refused: {
    pool: 'HikariCP validates a connection idle for more than 500 ms before handing it out (Connection.isValid); it is dead, so HikariCP evicts it and the request waits while HikariCP’s adder thread tries to open new ones, each refused.',
    staleWrite: 'Connection.isValid()’s check',
    error: `java.sql.SQLTransientConnectionException: HikariPool-1 - Connection is not available, request timed out after 30000ms (total=0, active=0, idle=0, waiting=0)\nCaused by: ${cause}`,
    giveUpMs: 30_000,
    giveUp:
      'The request waits for HikariCP’s connectionTimeout, 30 s by default, before it throws, so the proxy’s timeout fires first.',
  },
  unreachable: `HikariCP hands out a connection used less than 500 ms ago without validating it, and the JDBC driver’s socketTimeout is 0 by default (no limit), so the query waits; ${TCP_GIVES_UP}.`,
  exhausted: {
    timeoutMs: 2000,
    setting: 'connectionTimeout is configured to 2000 ms (HikariCP’s default is 30000)',
    error:
      'java.sql.SQLTransientConnectionException: HikariPool-1 - Connection is not available, request timed out after 2000ms (total=10, active=10, idle=0, waiting=0)',
  },
});

export const javaFailures: Readonly<Record<Database, DriverFailures>> = {
  postgres: hikari(
    `org.postgresql.util.PSQLException: Connection to ${at('postgres')} refused. Check that the hostname and port are correct and that the postmaster is accepting TCP/IP connections.`,
  ),
  mysql: hikari(
    'com.mysql.cj.jdbc.exceptions.CommunicationsException: Communications link failure\n\nThe last packet sent successfully to the server was 0 milliseconds ago. The driver has not received any packets from the server.',
  ),
  mongodb: {
    refused: {
      pool: 'The Java driver’s monitor saw its connection close and marked the server Unknown: the find must first select a server.',
      staleWrite: null,
      error: `com.mongodb.MongoTimeoutException: Timed out while waiting for a server that matches ReadPreferenceServerSelector{readPreference=primary}. Client view of cluster state is {type=UNKNOWN, servers=[{address=${at('mongodb')}, type=UNKNOWN, state=CONNECTING, exception={com.mongodb.MongoSocketOpenException: Exception opening socket}, caused by {java.net.ConnectException: Connection refused}}]`,
      giveUpMs: 30_000,
      giveUp: SELECTION,
    },
    unreachable: MONGO_STUCK,
    exhausted: {
      timeoutMs: 2000,
      setting: 'maxWaitTime is configured to 2000 ms (the Java driver’s default is 120000)',
      error: `com.mongodb.MongoTimeoutException: Timed out after 2000 ms while waiting for a connection to server ${at('mongodb')}.`,
    },
  },
};
