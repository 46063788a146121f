// Shared by the truth tests that run a real nginx: start one on a configuration in a temporary directory
// (the prefix for its pid, log and temp files), wait until it listens, and stop it again.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const HAS_NGINX = spawnSync('nginx', ['-v'], { input: '' }).error === undefined;

/** A running nginx: its directory (error.log is there) and how to stop it. */
export interface NginxProcess {
  readonly dir: string;
  readonly errorLog: () => string;
  readonly stop: () => void;
}

/**
 * Starts nginx with `http` as its http block's contents (the prefix's temp paths are set) and resolves once
 * `port` accepts connections.
 */
export async function startNginx(http: string, port: number, extra = ''): Promise<NginxProcess> {
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
  access_log off;
  server_tokens off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
${http}
}
`,
  );
  const nginx = spawn('nginx', ['-p', dir, '-c', join(dir, 'nginx.conf')], { stdio: 'ignore' });
  const errorLog = () => readFileSync(join(dir, 'error.log'), 'utf8');
  for (let i = 0; ; i++) {
    const up = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, '127.0.0.1', () => (s.destroy(), resolve(true)));
      s.on('error', () => resolve(false));
    });
    if (up) break;
    if (i > 50) throw new Error(`nginx did not start: ${errorLog()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    dir,
    errorLog,
    stop: () => {
      nginx.kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
