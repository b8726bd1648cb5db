import { type ChildProcess, spawn } from 'node:child_process';

export interface Child {
  pid: number;
  /** Everything it printed so far (the tail), for error messages. */
  output(): string;
  exited: Promise<number | null>;
  /** SIGTERM by PID, SIGKILL after `graceMs`. Idempotent. */
  stop(graceMs?: number): Promise<void>;
}

/** Spawns a process whose output is kept, and that is stopped by its own PID only. */
export function start(
  command: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; echo?: boolean; detached?: boolean },
): Child {
  // `detached`: a group of its own, so a terminal's Ctrl-C reaches only us, and we stop it in order.
  const child: ChildProcess = spawn(command, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: options.detached === true,
  });
  let text = '';
  const keep = (chunk: Buffer) => {
    if (options.echo) process.stdout.write(chunk);
    text = (text + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.once('error', (error) => {
      keep(Buffer.from(String(error)));
      resolve(-1);
    });
  });
  return {
    pid: child.pid ?? -1,
    output: () => text,
    exited,
    async stop(graceMs = 5_000) {
      if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Runs a command to completion; rejects with its output when it fails. */
export async function run(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<string> {
  const child = start(command, args, options);
  const code = await child.exited;
  if (code !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${code}:\n${child.output()}`);
  return child.output();
}
