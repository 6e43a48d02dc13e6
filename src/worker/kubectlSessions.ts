import type { Cluster } from '../sim/index';
import type { WorkerMessage } from './protocol';

/**
 * KubectlSessions runs the console's command lines against the cluster and keeps the streams of `-w`, `logs -f` and
 * `rollout status` open until the UI cancels them (Ctrl+C) or the cluster is reset.
 */
export class KubectlSessions {
  private readonly streams = new Map<number, () => void>();

  constructor(private readonly post: (message: WorkerMessage) => void) {}

  run(cluster: Cluster, id: number, line: string, files: Record<string, string>): void {
    const result = cluster.kubectl(line, (name) => files[name]);
    const streaming = result.stream !== undefined;
    this.post({ type: 'kubectl', id, stdout: result.stdout, stderr: result.stderr, exitCode: result.exitCode, streaming });
    if (!result.stream) return;
    let ended = false;
    const stop = result.stream.onEvent((piece) => {
      this.post({ type: 'kubectlStream', id, stdout: piece.stdout, stderr: piece.stderr, ...(piece.exitCode === undefined ? {} : { exitCode: piece.exitCode }) });
      if (piece.exitCode === undefined) return;
      // The command finished by itself (a rollout went through, a drain emptied its node).
      ended = true;
      this.cancel(id);
    });
    if (ended) stop();
    else this.streams.set(id, stop);
  }

  cancel(id: number): void {
    this.streams.get(id)?.();
    this.streams.delete(id);
  }

  /** closeAll ends every stream: their cluster is gone. */
  closeAll(): void {
    for (const stop of this.streams.values()) stop();
    this.streams.clear();
  }
}
