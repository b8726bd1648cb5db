import { spawn } from 'node:child_process';

/**
 * Runs a bench script as a child process with this process's loader flags (tsx, conditions), so
 * each measurement starts from a fresh process. Every stdout line but the result goes to `onLine`;
 * the result is the last line that starts with `{"bench"`.
 */
export async function runChild(script: string, args: string[], onLine: (line: string) => void, env: Record<string, string> = {}): Promise<Record<string, unknown>> {
  const child = spawn(process.execPath, [...process.execArgv, script, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let buffered = '';
  let result: Record<string, unknown> | null = null;
  const take = (line: string) => {
    if (line.startsWith('{"bench"')) result = JSON.parse(line) as Record<string, unknown>;
    else onLine(line);
  };
  child.stdout.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    lines.forEach(take);
  });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (buffered) take(buffered);
  if (!result) throw new Error(`${script} exited with ${code} and printed no result`);
  return result;
}
