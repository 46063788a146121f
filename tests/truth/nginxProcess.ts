// Shared by the truth tests that run a real nginx (where this machine has one): a throwaway prefix directory
// (for its pid, logs, temp files and any files it serves), a config with the given http block, and a start
// that waits until every port answers.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { accepts } from './loopback.ts';

export const HAS_NGINX = spawnSync('nginx', ['-v'], { input: '' }).error === undefined;

/** A running nginx: its prefix directory, its error log so far, and how to stop it. */
export interface NginxProcess {
  readonly dir: string;
  readonly errorLog: () => string;
  readonly stop: () => void;
}

/**
 * Starts nginx with `http` inside its `http {}` block, as the shop runs it: server_tokens off, mime.types,
 * no access log unless a server asks for one, the prefix's temp paths. `http` may be a function of the prefix
 * directory (which it may first fill with the files nginx serves); `extra` goes outside the http block.
 * Resolves once every one of `ports` accepts connections.
 */
export async function startNginx(
  http: string | ((dir: string) => string),
  ports: number | readonly number[],
  extra = '',
): Promise<NginxProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'roundtrip-nginx-'));
  chmodSync(dir, 0o777);
  writeFileSync(
    join(dir, 'nginx.conf'),
    `worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
events { worker_connections 64; }
${extra}
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  server_tokens off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
${typeof http === 'string' ? http : http(dir)}
}
`,
  );
  const nginx = spawn('nginx', ['-p', dir, '-c', join(dir, 'nginx.conf')], { stdio: 'ignore' });
  const errorLog = () => readFileSync(join(dir, 'error.log'), 'utf8');
  const stop = () => {
    nginx.kill();
    rmSync(dir, { recursive: true, force: true });
  };
  const all = typeof ports === 'number' ? [ports] : ports;
  for (let i = 0; ; i++) {
    if ((await Promise.all(all.map(accepts))).every(Boolean)) return { dir, errorLog, stop };
    if (i > 50) {
      const log = errorLog();
      stop();
      throw new Error(`nginx did not start: ${log}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
