import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface JanusServer {
  /** Base URL of the REST API, e.g. http://127.0.0.1:8088/janus */
  url: string;
  /** Base URL of the Admin API. */
  adminUrl: string;
  adminSecret: string;
  pid: number;
  /** Stop Janus by its PID and remove its config folder. Idempotent. */
  stop(): Promise<void>;
  /** Kill Janus at once (SIGKILL), as a crash would. */
  kill(): Promise<void>;
  /** Everything Janus printed, for diagnosing a failed test. */
  log(): string;
}

export interface StartJanusOptions {
  /** Port for the REST API; a free one by default. */
  port?: number;
  adminPort?: number;
  /** Seconds before an idle session is reaped (Janus default 60). */
  sessionTimeout?: number;
  /** Janus debug level 0-7. */
  debugLevel?: number;
  host?: string;
}

const LIB_DIRS = ['/usr/lib/x86_64-linux-gnu/janus', '/usr/lib/aarch64-linux-gnu/janus', '/usr/lib/janus', '/usr/local/lib/janus', '/opt/janus/lib/janus'];

export function findJanusLibDir(): string {
  const found = LIB_DIRS.find((dir) => existsSync(join(dir, 'plugins', 'libjanus_videocall.so')));
  if (!found) {
    throw new Error(
      'Janus is not installed (no libjanus_videocall.so found). On Debian/Ubuntu as root: apt-get install -y --no-install-recommends janus',
    );
  }
  return found;
}

export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function writeConfig(dir: string, libDir: string, o: Required<Omit<StartJanusOptions, 'debugLevel'>>, adminSecret: string) {
  // Only the plugin and transport under test are loaded: link them into folders of our own.
  for (const kind of ['plugins', 'transports', 'events', 'loggers']) mkdirSync(join(dir, kind));
  symlinkSync(join(libDir, 'plugins', 'libjanus_videocall.so'), join(dir, 'plugins', 'libjanus_videocall.so'));
  symlinkSync(join(libDir, 'transports', 'libjanus_http.so'), join(dir, 'transports', 'libjanus_http.so'));
  writeFileSync(
    join(dir, 'janus.jcfg'),
    `general: {
  configs_folder = "${dir}"
  plugins_folder = "${dir}/plugins"
  transports_folder = "${dir}/transports"
  events_folder = "${dir}/events"
  loggers_folder = "${dir}/loggers"
  admin_secret = "${adminSecret}"
  session_timeout = ${o.sessionTimeout}
  reclaim_session_timeout = 0
  hide_dependencies = true
}
certificates: {}
media: {
  rtp_port_range = "20000-40000"
}
nat: {
  nice_debug = false
  ignore_mdns = true
}
plugins: {}
transports: {}
loggers: {}
events: {}
`,
  );
  writeFileSync(
    join(dir, 'janus.transport.http.jcfg'),
    `general: {
  json = "plain"
  base_path = "/janus"
  http = true
  port = ${o.port}
  ip = "${o.host}"
  https = false
}
admin: {
  admin_base_path = "/admin"
  admin_http = true
  admin_port = ${o.adminPort}
  admin_ip = "${o.host}"
  admin_https = false
}
cors: {}
`,
  );
  writeFileSync(join(dir, 'janus.plugin.videocall.jcfg'), 'general: {\n  events = false\n}\n');
}

async function waitForHttp(url: string, child: ChildProcess, log: () => string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Janus exited with code ${child.exitCode}:\n${log()}`);
    try {
      const res = await fetch(`${url}/info`, { signal: AbortSignal.timeout(500) });
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`Janus did not answer on ${url} within ${timeoutMs} ms:\n${log()}`);
}

/** Start Debian's Janus with a config folder of our own, loading only videocall and HTTP. */
export async function startJanus(options: StartJanusOptions = {}): Promise<JanusServer> {
  const libDir = findJanusLibDir();
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? (await freePort(host));
  const adminPort = options.adminPort ?? (await freePort(host));
  const adminSecret = `harness-${Math.random().toString(36).slice(2)}`;
  const dir = mkdtempSync(join(tmpdir(), 'janus-call-janus-'));
  writeConfig(dir, libDir, { host, port, adminPort, sessionTimeout: options.sessionTimeout ?? 60 }, adminSecret);

  const child = spawn('janus', ['-C', join(dir, 'janus.jcfg'), '-F', dir, '-o', '-d', String(options.debugLevel ?? 3)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const append = (chunk: Buffer) => {
    output += chunk.toString();
    if (output.length > 200_000) output = output.slice(-100_000);
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const spawnError = new Promise<never>((_, reject) => child.once('error', reject));

  const url = `http://${host}:${port}/janus`;
  const adminUrl = `http://${host}:${adminPort}/admin`;
  let stopped = false;
  const finish = async (signal: NodeJS.Signals) => {
    if (!stopped) {
      stopped = true;
      if (child.exitCode === null && child.signalCode === null) {
        child.kill(signal);
        const killTimer = setTimeout(() => child.kill('SIGKILL'), 3000);
        await exited;
        clearTimeout(killTimer);
      }
      rmSync(dir, { recursive: true, force: true });
    }
  };
  try {
    await Promise.race([waitForHttp(url, child, () => output), spawnError]);
  } catch (error) {
    await finish('SIGKILL');
    throw error;
  }
  return {
    url,
    adminUrl,
    adminSecret,
    pid: child.pid ?? -1,
    stop: () => finish('SIGTERM'),
    kill: () => finish('SIGKILL'),
    log: () => output,
  };
}

/** True when this process can use a non-loopback interface (inside our namespace, or on a real host). */
export function hasUsableInterface(): boolean {
  try {
    return readdirSync('/sys/class/net').some((name) => name !== 'lo');
  } catch {
    return true;
  }
}
