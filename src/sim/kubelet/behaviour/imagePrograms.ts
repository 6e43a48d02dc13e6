// Image-specific programs for the images the Kubernetes docs and the example corpus run (see README.md).
import type { ProgramKind, RepositoryInfo } from '../images/catalogue';
import { FileTimeline } from './interpreter';
import type { Program } from './program';

/** The liveness test server (test/images/agnhost/liveness) answers /healthz with 200 for 10 s, then 500. */
const LIVENESS = { kind: 'liveness', port: 8080, healthyForMs: 10_000 } as const;
/** How long `perl -Mbignum=bpi -wle 'print bpi(1000)'` computes before printing pi and exiting. */
const PERL_PI_MS = 5_000;
/** Any other one-shot perl script. */
const PERL_SCRIPT_MS = 1_000;
/** A process killed by SIGTERM without a handler exits with 128 + 15. */
const DEFAULT_SIGTERM_EXIT = 143;

/** imageProgram is the Program of an image's own binary, given the argv it runs with. */
export function imageProgram(kind: ProgramKind, argv: readonly string[], info: RepositoryInfo, userland: 'busybox' | 'gnu'): Program {
  const base = { files: new FileTimeline(), userland, sigterm: info.sigterm ?? DEFAULT_SIGTERM_EXIT };
  switch (kind) {
    case 'liveness':
      return { ...base, server: LIVENESS };
    case 'agnhost':
      return agnhost(argv, base);
    case 'perl':
      if (argv.length <= 1 || argv.includes('-de0')) return { ...base, exit: { afterMs: 0, code: 0 } };
      return { ...base, exit: { afterMs: argv.some((a) => a.includes('bpi')) ? PERL_PI_MS : PERL_SCRIPT_MS, code: 0 } };
    case 'stress': {
      const timeout = stressTimeout(argv);
      return timeout === undefined ? base : { ...base, exit: { afterMs: timeout, code: 0 } };
    }
    case 'pause':
      return base;
    case 'exits':
      return { ...base, exit: { afterMs: 0, code: 0 } };
    case 'server':
      return { ...base, server: info.warmupMs ? { kind: 'generic', listensAfterMs: info.warmupMs } : { kind: 'generic' } };
  }
}

/** agnhost is one binary with subcommands; `liveness` is the docs' HTTP liveness example. */
function agnhost(argv: readonly string[], base: Omit<Program, 'exit' | 'server'>): Program {
  const sub = argv.slice(1).find((a) => !a.startsWith('-'));
  if (sub === 'liveness') return { ...base, server: LIVENESS };
  if (sub === 'pause' || sub === undefined) return base;
  return { ...base, server: { kind: 'generic' } };
}

/** stressTimeout reads `--timeout 30s` / `-t 30` (stress) or `-timeout 30s` (vish/stress). */
function stressTimeout(argv: readonly string[]): number | undefined {
  const i = argv.findIndex((a) => a === '--timeout' || a === '-t' || a === '-timeout');
  const value = i >= 0 ? argv[i + 1] : undefined;
  const match = value ? /^(\d+)([smh]?)$/.exec(value) : null;
  if (!match) return undefined;
  return Number(match[1]) * { '': 1000, s: 1000, m: 60_000, h: 3_600_000 }[match[2] as '' | 's' | 'm' | 'h'];
}
