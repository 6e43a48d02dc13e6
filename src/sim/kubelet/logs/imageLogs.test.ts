import type { Container } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { programFor } from '../behaviour/program';
import { imageOutput, requestLine, type HttpRequest } from './imageLogs';

const T = 5_000; // 2026-01-01T09:00:05Z

function startup(container: Container, cpus = 2): string[] {
  const ctx = { container, podName: 'web', podIP: '10.244.1.3', cpus, kernel: '6.8.0-kubeplay' };
  return imageOutput(ctx, programFor(container), T).lines.map((l) => (l.at === 0 ? l.text : `+${l.at} ${l.text}`));
}

const NGINX_NOTICES = [
  '2026/01/01 09:00:05 [notice] 1#1: using the "epoll" event method',
  '2026/01/01 09:00:05 [notice] 1#1: nginx/1.27.5',
  '2026/01/01 09:00:05 [notice] 1#1: built by gcc 12.2.0 (Debian 12.2.0-14) ',
  '2026/01/01 09:00:05 [notice] 1#1: OS: Linux 6.8.0-kubeplay',
  '2026/01/01 09:00:05 [notice] 1#1: getrlimit(RLIMIT_NOFILE): 1048576:1048576',
  '2026/01/01 09:00:05 [notice] 1#1: start worker processes',
  '2026/01/01 09:00:05 [notice] 1#1: start worker process 29',
  '2026/01/01 09:00:05 [notice] 1#1: start worker process 30',
];

describe('imageOutput is what an image prints by itself', () => {
  it('nginx 1.27 runs docker-entrypoint.sh, then starts one worker per CPU', () => {
    expect(startup({ name: 'web', image: 'nginx:1.27' })).toEqual([
      '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
      '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
      '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
      '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
      '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
      '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
      '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
      '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
      '/docker-entrypoint.sh: Configuration complete; ready for start up',
      ...NGINX_NOTICES,
    ]);
  });

  it.each([
    ['nginx run without its entrypoint prints only its notices', { name: 'web', image: 'nginx:1.27', command: ['nginx', '-g', 'daemon off;'] }, NGINX_NOTICES],
    ['nginx older than 1.19 logs nothing at start (error_log level warn)', { name: 'web', image: 'nginx:1.14.2' }, []],
    ['nginx told to run a shell prints nothing of its own', { name: 'web', image: 'nginx:1.27', command: ['sh', '-c', 'sleep 3600'] }, []],
    ['an image Kubeplay knows no banner for prints nothing', { name: 'app', image: 'registry.k8s.io/pause:3.10' }, []],
    [
      'hello-app says where it listens',
      { name: 'hello', image: 'gcr.io/google-samples/hello-app:1.0' },
      ['2026/01/01 09:00:05 Server listening on port 8080'],
    ],
    [
      'stress says which hogs it starts, and when its --timeout ends the run',
      { name: 'stress', image: 'polinux/stress', command: ['stress'], args: ['--vm', '1', '--vm-bytes', '150M', '--timeout', '30s'] },
      ['stress: info: [1] dispatching hogs: 0 cpu, 0 io, 1 vm, 0 hdd', '+30000 stress: info: [1] successful run completed in 30s'],
    ],
    [
      'perl computing pi prints it when it is done',
      { name: 'pi', image: 'perl:5.34.0', command: ['perl', '-Mbignum=bpi', '-wle', 'print bpi(20)'] },
      ['+5000 3.1415926535897932385'],
    ],
    [
      'httpd warns twice that it has no ServerName, naming the pod IP',
      { name: 'web', image: 'httpd:2.4' },
      [
        "AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using 10.244.1.3. Set the 'ServerName' directive globally to suppress this message",
        "AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using 10.244.1.3. Set the 'ServerName' directive globally to suppress this message",
        '[Thu Jan 01 09:00:05.000000 2026] [mpm_event:notice] [pid 1:tid 1] AH00489: Apache/2.4.65 (Unix) configured -- resuming normal operations',
        "[Thu Jan 01 09:00:05.000000 2026] [core:notice] [pid 1:tid 1] AH00094: Command line: 'httpd -D FOREGROUND'",
      ],
    ],
  ])('%s', (_, container, want) => {
    expect(startup(container as Container)).toEqual(want);
  });

  it('redis 7 warns about memory overcommit and is ready for TCP connections', () => {
    const lines = startup({ name: 'redis', image: 'redis:7.4' });
    expect(lines.slice(1)).toEqual([
      '1:C 01 Jan 2026 09:00:05.000 * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo',
      '1:C 01 Jan 2026 09:00:05.000 * Redis version=7.4.2, bits=64, commit=00000000, modified=0, pid=1, just started',
      '1:C 01 Jan 2026 09:00:05.000 # Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf',
      '1:M 01 Jan 2026 09:00:05.001 * monotonic clock: POSIX clock_gettime',
      '1:M 01 Jan 2026 09:00:05.001 * Running mode=standalone, port=6379.',
      '1:M 01 Jan 2026 09:00:05.001 * Server initialized',
      '1:M 01 Jan 2026 09:00:05.001 * Ready to accept connections tcp',
    ]);
    expect(lines[0]).toMatch(/^1:C 01 Jan 2026 09:00:05.000 # WARNING Memory overcommit must be enabled!/);
  });

  it('redis 6.2 given arguments loads them as its configuration', () => {
    expect(startup({ name: 'redis', image: 'redis:6.2', args: ['redis-server', '--appendonly', 'yes'] })).toEqual([
      '1:C 01 Jan 2026 09:00:05.000 # oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo',
      '1:C 01 Jan 2026 09:00:05.000 # Redis version=6.2.17, bits=64, commit=00000000, modified=0, pid=1, just started',
      '1:C 01 Jan 2026 09:00:05.000 # Configuration loaded',
      '1:M 01 Jan 2026 09:00:05.001 * monotonic clock: POSIX clock_gettime',
      '1:M 01 Jan 2026 09:00:05.001 * Running mode=standalone, port=6379.',
      '1:M 01 Jan 2026 09:00:05.001 # Server initialized',
      "1:M 01 Jan 2026 09:00:05.001 # WARNING overcommit_memory is set to 0! Background save may fail under low memory condition. To fix this issue add 'vm.overcommit_memory = 1' to /etc/sysctl.conf and then reboot or run the command 'sysctl vm.overcommit_memory=1' for this to take effect.",
      '1:M 01 Jan 2026 09:00:05.001 * Ready to accept connections',
    ]);
  });

  it('hello-world prints its greeting between two empty lines', () => {
    const lines = startup({ name: 'hello', image: 'hello-world' });
    expect(lines.slice(0, 3)).toEqual(['', 'Hello from Docker!', 'This message shows that your installation appears to be working correctly.']);
    expect(lines.at(-1)).toBe('');
    expect(lines).toHaveLength(22);
  });
});

describe('requestLine is one access-log line per request served', () => {
  const request: HttpRequest = { clientIP: '10.244.1.1', method: 'GET', path: '/', status: 200, bytes: 615, userAgent: 'curl/8.5.0' };
  it.each([
    ['nginx writes its main format: combined plus X-Forwarded-For', 'nginx:1.27', '10.244.1.1 - - [01/Jan/2026:09:00:05 +0000] "GET / HTTP/1.1" 200 615 "-" "curl/8.5.0" "-"'],
    ['hello-app says what it serves', 'gcr.io/google-samples/hello-app:2.0', '2026/01/01 09:00:05 Serving request: /'],
    ['other servers write the Common Log Format', 'httpd:2.4', '10.244.1.1 - - [01/Jan/2026:09:00:05 +0000] "GET / HTTP/1.1" 200 615'],
  ])('%s', (_, image, want) => {
    expect(requestLine({ name: 'c', image }, request, T)).toBe(want);
  });
});
