// Shared by the truth tests that run a real nginx (where this machine has one): a throwaway prefix
// directory, a config with the given server blocks, and a start that waits until every port answers.
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const HAS_NGINX = spawnSync('nginx', ['-v'], { input: '' }).error === undefined;

/** A running nginx: its prefix directory (for files it serves and logs it writes) and how to stop it. */
export interface RealNginx {
  readonly dir: string;
  stop(): void;
}

const accepts = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1', () => (s.destroy(), resolve(true)));
    s.on('error', () => resolve(false));
  });

/**
 * Starts nginx with `http` (given the prefix directory) inside its `http {}` block, as the shop runs it:
 * server_tokens off, mime.types, no access log unless a server asks for one. Resolves once `ports` accept.
 */
export async function startNginx(
  http: (dir: string) => string,
  ports: readonly number[],
): Promise<RealNginx> {
  const dir = mkdtempSync(join(tmpdir(), 'roundtrip-nginx-'));
  chmodSync(dir, 0o777);
  writeFileSync(
    join(dir, 'nginx.conf'),
    `worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
events { worker_connections 64; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  server_tokens off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
${http(dir)}
}
`,
  );
  const nginx: ChildProcess = spawn('nginx', ['-p', dir, '-c', join(dir, 'nginx.conf')], { stdio: 'ignore' });
  const stop = () => {
    nginx.kill();
    rmSync(dir, { recursive: true, force: true });
  };
  for (let i = 0; ; i++) {
    if ((await Promise.all(ports.map(accepts))).every(Boolean)) return { dir, stop };
    if (i > 50) {
      const log = readFileSync(join(dir, 'error.log'), 'utf8');
      stop();
      throw new Error(`nginx did not start: ${log}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
