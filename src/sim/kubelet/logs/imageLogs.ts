// What well-known images print on their own: start-up banners (docker-library entrypoints, nginx's and Redis's
// notices, httpd's AH00558), the output of the docs' one-shot examples (hello-world, stress, perl computing pi) and
// one access-log line per served HTTP request. Versions follow each image's tag; unknown images print nothing.
import type { Container } from 'kubernetes-types/core/v1';
import type { VirtualMs } from '../../clock/virtualClock';
import { containerArgv, type Program } from '../behaviour/program';
import { repositoryInfo } from '../images/catalogue';
import { parseImageReference } from '../images/reference';
import { bpi } from './piDigits';
import { NO_OUTPUT, type PrintedLine, type ProgramOutput } from './programOutput';
import { accessLogTime, apacheErrorLogTime, goLogTime, redisLogTime } from './wallClock';

/** LogContext is what an image's start-up lines mention: its pod, IP and machine. */
export interface LogContext {
  container: Container;
  podName: string;
  podIP: string;
  /** The node's CPU count: nginx starts one worker process per CPU (`worker_processes auto`). */
  cpus: number;
  /** The node's kernel release, which nginx prints (`OS: Linux 6.8.0`). */
  kernel: string;
}

/** HttpRequest is one request a container served, as recordRequest receives it. */
export interface HttpRequest {
  clientIP: string;
  method: string;
  path: string;
  status: number;
  /** Body bytes sent ($body_bytes_sent): 615 for nginx's welcome page. */
  bytes: number;
  userAgent: string;
  referer?: string;
}

/** imageOutput is what the container's image prints by itself from its start, given the Program it runs. */
export function imageOutput(ctx: LogContext, program: Program, startedAt: VirtualMs): ProgramOutput {
  const ref = parseImageReference(ctx.container.image ?? '');
  if (!ref) return NO_OUTPUT;
  let argv = containerArgv(ctx.container, repositoryInfo(ref));
  const entrypoint = basename(argv[0] ?? '') === 'docker-entrypoint.sh';
  if (entrypoint) argv = argv.slice(1);
  const bin = basename(argv[0] ?? '');
  const tag = ref.tag || 'latest';
  const at = (offset: VirtualMs, text: string): PrintedLine => ({ at: offset, text });
  const exitAt = program.exit?.afterMs;
  switch (`${ref.repository} ${bin}`) {
    case 'docker.io/library/nginx nginx':
      return { lines: nginxStartup(tag, entrypoint, ctx, startedAt).map((t) => at(0, t)) };
    case 'docker.io/library/redis redis-server':
      return { lines: redisStartup(tag, argv.slice(1), startedAt).map((t) => at(0, t)) };
    case 'docker.io/library/httpd httpd-foreground':
      return { lines: httpdStartup(tag, ctx.podIP, startedAt).map((t) => at(0, t)) };
    case 'gcr.io/google-samples/hello-app hello-app':
      return { lines: [at(0, `${goLogTime(startedAt)} Server listening on port 8080`)] };
    case 'docker.io/library/hello-world hello':
      return { lines: HELLO_FROM_DOCKER.map((t) => at(0, t)) };
    case 'docker.io/polinux/stress stress': {
      const lines = [at(0, `stress: info: [1] dispatching hogs: ${stressHogs(argv)}`)];
      if (exitAt !== undefined) lines.push(at(exitAt, `stress: info: [1] successful run completed in ${Math.round(exitAt / 1000)}s`));
      return { lines };
    }
    case 'docker.io/library/perl perl': {
      const digits = /bpi\((\d+)\)/.exec(argv.join(' '));
      return digits && exitAt !== undefined ? { lines: [at(exitAt, bpi(Number(digits[1])))] } : NO_OUTPUT;
    }
    default:
      return NO_OUTPUT;
  }
}

/**
 * requestLine is the access-log line a server writes for one request: nginx's `main` format (combined plus
 * X-Forwarded-For), hello-app's `Serving request`, and the Common Log Format of httpd for every other server.
 */
export function requestLine(container: Container, req: HttpRequest, time: VirtualMs): string {
  const repository = parseImageReference(container.image ?? '')?.repository ?? '';
  if (repository === 'gcr.io/google-samples/hello-app') return `${goLogTime(time)} Serving request: ${req.path}`;
  const common = `${req.clientIP} - - [${accessLogTime(time)}] "${req.method} ${req.path} HTTP/1.1" ${req.status} ${req.bytes}`;
  if (repository === 'docker.io/library/nginx') return `${common} "${req.referer ?? '-'}" "${req.userAgent}" "-"`;
  return common;
}

/** NGINX_VERSIONS resolves the docker-library tags that do not spell the patch version. */
const NGINX_VERSIONS: Readonly<Record<string, string>> = {
  latest: '1.29.1', mainline: '1.29.1', stable: '1.28.0', alpine: '1.29.1', '1.19': '1.19.10', '1.20': '1.20.2',
  '1.21': '1.21.6', '1.23': '1.23.4', '1.24': '1.24.0', '1.25': '1.25.5', '1.26': '1.26.3', '1.27': '1.27.5',
  '1.28': '1.28.0', '1.29': '1.29.1',
};

/**
 * nginxStartup is docker-nginx's entrypoint (1.19 and later: the /docker-entrypoint.d scripts) followed by nginx's
 * own notices; older images log nothing at start because their error_log level is `warn`.
 */
function nginxStartup(tag: string, entrypoint: boolean, ctx: LogContext, t: VirtualMs): string[] {
  const alpine = tag.endsWith('alpine');
  const version = NGINX_VERSIONS[tag.replace(/-?alpine$/, '') || 'alpine'] ?? tag.replace(/-alpine$/, '');
  const [major = 0, minor = 0] = version.split('.').map(Number);
  if (major === 1 && minor < 19) return [];
  const e = '/docker-entrypoint.sh:';
  const script = entrypoint
    ? [
        `${e} /docker-entrypoint.d/ is not empty, will attempt to perform configuration`,
        `${e} Looking for shell scripts in /docker-entrypoint.d/`,
        `${e} Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh`,
        '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
        '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
        ...(minor >= 25 ? [`${e} Sourcing /docker-entrypoint.d/15-local-resolvers.envsh`] : []),
        `${e} Launching /docker-entrypoint.d/20-envsubst-on-templates.sh`,
        ...(minor >= 21 ? [`${e} Launching /docker-entrypoint.d/30-tune-worker-processes.sh`] : []),
        `${e} Configuration complete; ready for start up`,
      ]
    : [];
  const gcc = alpine ? 'gcc 14.2.0 (Alpine 14.2.0)' : minor < 22 ? 'gcc 8.3.0 (Debian 8.3.0-6)' : minor < 25 ? 'gcc 10.2.1 20210110 (Debian 10.2.1-6)' : 'gcc 12.2.0 (Debian 12.2.0-14)';
  const notice = (text: string) => `${goLogTime(t)} [notice] 1#1: ${text}`;
  const workers = Array.from({ length: Math.max(1, ctx.cpus) }, (_, i) => notice(`start worker process ${29 + i}`));
  return [
    ...script,
    notice('using the "epoll" event method'),
    notice(`nginx/${version}`),
    // nginx really prints a space after the compiler's name.
    notice(`built by ${gcc} `),
    notice(`OS: Linux ${ctx.kernel}`),
    notice('getrlimit(RLIMIT_NOFILE): 1048576:1048576'),
    notice('start worker processes'),
    ...workers,
  ];
}

const REDIS_VERSIONS: Readonly<Record<string, string>> = { latest: '7.4.2', alpine: '7.4.2', '7': '7.4.2', '7.4': '7.4.2', '7.2': '7.2.7', '6.2': '6.2.17' };
const OVERCOMMIT_7 =
  "WARNING Memory overcommit must be enabled! Without it, a background save or replication may fail under low memory condition. Being disabled, it can also cause failures without low memory condition, see https://github.com/jemalloc/jemalloc/issues/1328. To fix this issue add 'vm.overcommit_memory = 1' to /etc/sysctl.conf and then reboot or run the command 'sysctl vm.overcommit_memory=1' for this to take effect.";
const OVERCOMMIT_6 =
  "WARNING overcommit_memory is set to 0! Background save may fail under low memory condition. To fix this issue add 'vm.overcommit_memory = 1' to /etc/sysctl.conf and then reboot or run the command 'sysctl vm.overcommit_memory=1' for this to take effect.";

/** redisStartup is redis-server's start-up log (pid 1, `C` for the config phase, `M` for the main process). */
function redisStartup(tag: string, args: readonly string[], t: VirtualMs): string[] {
  const version = REDIS_VERSIONS[tag] ?? tag;
  const seven = Number(version.split('.')[0]) >= 7;
  const c = (mark: string, text: string) => `1:C ${redisLogTime(t)} ${mark} ${text}`;
  const m = (mark: string, text: string) => `1:M ${redisLogTime(t + 1)} ${mark} ${text}`;
  const config =
    args.length === 0
      ? c('#', 'Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf')
      : c(seven ? '*' : '#', 'Configuration loaded');
  return [
    ...(seven ? [c('#', OVERCOMMIT_7)] : []),
    c(seven ? '*' : '#', 'oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo'),
    c(seven ? '*' : '#', `Redis version=${version}, bits=64, commit=00000000, modified=0, pid=1, just started`),
    config,
    m('*', 'monotonic clock: POSIX clock_gettime'),
    m('*', 'Running mode=standalone, port=6379.'),
    m(seven ? '*' : '#', 'Server initialized'),
    ...(seven ? [] : [m('#', OVERCOMMIT_6)]),
    m('*', seven ? 'Ready to accept connections tcp' : 'Ready to accept connections'),
  ];
}

/** httpdStartup is httpd-foreground's start: the ServerName warning (twice: config test, then start) and notices. */
function httpdStartup(tag: string, podIP: string, t: VirtualMs): string[] {
  const version = tag === '2.4' || tag === 'latest' || tag === 'alpine' ? '2.4.65' : tag;
  const servername = `AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using ${podIP}. Set the 'ServerName' directive globally to suppress this message`;
  const stamp = `[${apacheErrorLogTime(t)}]`;
  return [
    servername,
    servername,
    `${stamp} [mpm_event:notice] [pid 1:tid 1] AH00489: Apache/${version} (Unix) configured -- resuming normal operations`,
    `${stamp} [core:notice] [pid 1:tid 1] AH00094: Command line: 'httpd -D FOREGROUND'`,
  ];
}

/** stressHogs is stress's `dispatching hogs` summary from -c/--cpu, -i/--io, -m/--vm and -d/--hdd. */
function stressHogs(argv: readonly string[]): string {
  const count = (short: string, long: string) => {
    const i = argv.findIndex((a) => a === short || a === long);
    return i >= 0 ? Number(argv[i + 1]) || 0 : 0;
  };
  return `${count('-c', '--cpu')} cpu, ${count('-i', '--io')} io, ${count('-m', '--vm')} vm, ${count('-d', '--hdd')} hdd`;
}

const HELLO_FROM_DOCKER = [
  '',
  'Hello from Docker!',
  'This message shows that your installation appears to be working correctly.',
  '',
  'To generate this message, Docker took the following steps:',
  ' 1. The Docker client contacted the Docker daemon.',
  ' 2. The Docker daemon pulled the "hello-world" image from the Docker Hub.',
  '    (amd64)',
  ' 3. The Docker daemon created a new container from that image which runs the',
  '    executable that produces the output you are currently reading.',
  ' 4. The Docker daemon streamed that output to the Docker client, which sent it',
  '    to your terminal.',
  '',
  'To try something more ambitious, you can run an Ubuntu container with:',
  ' $ docker run -it ubuntu bash',
  '',
  'Share images, automate workflows, and more with a free Docker ID:',
  ' https://hub.docker.com/',
  '',
  'For more examples and ideas, visit:',
  ' https://docs.docker.com/get-started/',
  '',
];

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
