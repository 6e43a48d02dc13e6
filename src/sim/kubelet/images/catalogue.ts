// Kubeplay's stand-in for the public registries: which repositories and tags exist, how big they are (compressed
// size, as containerd reports it in the Pulled event), and what each image runs. Sizes are approximate.
import { pseudoDigest } from './digest';
import type { ImageReference } from './reference';

/** ProgramKind names the image-specific behaviours of behaviour/imagePrograms.ts. */
export type ProgramKind = 'server' | 'liveness' | 'agnhost' | 'perl' | 'stress' | 'pause' | 'exits';

/** RepositoryInfo describes one repository of the catalogue. */
export interface RepositoryInfo {
  /** Tag → compressed size in bytes. Only these tags exist. */
  tags: Readonly<Record<string, number>>;
  /** ENTRYPOINT and CMD of the image config. */
  entrypoint?: readonly string[];
  cmd?: readonly string[];
  /** Whose wording shell utilities use: busybox (`cat: can't open 'x'`) or GNU coreutils. Default gnu. */
  userland?: 'busybox' | 'gnu';
  /** How the image's main process answers SIGTERM: an exit code, or 'ignore' (killed at the end of the grace period). */
  sigterm?: number | 'ignore';
  /** What the image's own program does when the container does not override it. Default server. */
  program?: ProgramKind;
  /** How long the image's server needs after start before it listens (JVM start-up); default at once. */
  warmupMs?: number;
}

const MB = 1_000_000;
const GO = { sigterm: 2 } as const; // a Go binary as PID 1 without a SIGTERM handler exits with status 2
const IGNORES_TERM = { sigterm: 'ignore' } as const; // node, python, shells as PID 1 ignore SIGTERM
const JVM = { sigterm: 143 } as const;
const CLEAN = { sigterm: 0 } as const; // servers that shut down cleanly on SIGTERM

const NGINX_TAGS = {
  latest: 72_225_394, stable: 67_820_114, mainline: 72_225_394, alpine: 20_543_214, '1.7.9': 39_947_429,
  '1.14.2': 72_531_456, '1.16.1': 51_034_560, '1.19': 53_596_942, '1.20': 54_100_116, '1.21': 56_733_211,
  '1.23': 57_015_522, '1.24': 56_860_317, '1.25': 70_522_467, '1.25.3': 70_544_605, '1.26': 71_013_427,
  '1.27': 72_099_501, '1.27.2': 72_095_133, '1.28': 72_195_023, '1.29': 72_225_394, '1.25-alpine': 17_104_562,
  '1.27-alpine': 20_412_004,
};
const BUSYBOX_TAGS = {
  latest: 2_155_200, stable: 2_155_200, musl: 860_420, glibc: 2_220_112, '1.28': 727_869, '1.29': 732_154,
  '1.31': 764_556, '1.33': 772_788, '1.34': 777_536, '1.35': 2_153_702, '1.36': 2_161_008, '1.36.1': 2_161_008,
  '1.37': 2_155_200, '1.37.0': 2_155_200, '1.38': 2_164_377, '1.38.0': 2_164_377, '1.27.2': 756_543, '1.24': 676_121,
};
const PAUSE_TAGS = { '3.10': 320_368, '3.10.1': 320_401, '3.9': 321_520, '3.8': 311_286, '3.7': 311_278, '3.6': 301_773, '3.5': 301_416, '3.2': 299_513, '3.1': 317_164, '2.0': 350_164 };
const AGNHOST_TAGS = { '2.39': 51_105_200, '2.40': 51_155_161, '2.43': 51_707_428, '2.45': 52_032_116, '2.47': 52_910_210, '2.52': 53_440_025, '2.53': 53_512_338 };
const BUSYBOX = { entrypoint: [], cmd: ['sh'], userland: 'busybox', program: 'exits', ...IGNORES_TERM } as const;
const OB = 'us-central1-docker.pkg.dev/online-boutique-ci/microservices-demo';
const ob = (size: number, extra: Partial<RepositoryInfo> = GO): RepositoryInfo => ({ tags: { 'v0.10.6': size }, ...extra });

/** CATALOGUE maps fully qualified repositories to what exists in them. */
export const CATALOGUE: Readonly<Record<string, RepositoryInfo>> = {
  'docker.io/library/nginx': { tags: NGINX_TAGS, entrypoint: ['/docker-entrypoint.sh'], cmd: ['nginx', '-g', 'daemon off;'], ...CLEAN },
  'docker.io/library/httpd': { tags: { latest: 58_201_520, '2.4': 58_201_520, alpine: 22_154_870 }, cmd: ['httpd-foreground'], ...CLEAN },
  'docker.io/library/busybox': { tags: BUSYBOX_TAGS, ...BUSYBOX },
  'k8s.gcr.io/busybox': { tags: { latest: 676_121, '1.24': 676_121, '1.27.2': 756_543 }, ...BUSYBOX },
  'registry.k8s.io/busybox': { tags: { latest: 676_121, '1.24': 676_121, '1.27.2': 756_543 }, ...BUSYBOX },
  'gcr.io/google-containers/busybox': { tags: { latest: 676_121, '1.27': 756_543 }, ...BUSYBOX },
  'docker.io/library/alpine': { tags: { latest: 3_653_068, '3.18': 3_408_729, '3.19': 3_418_241, '3.20': 3_626_898, '3.21': 3_642_176 }, cmd: ['/bin/sh'], userland: 'busybox', program: 'exits' },
  'docker.io/library/ubuntu': { tags: { latest: 29_754_290, '22.04': 29_534_055, '24.04': 29_754_290 }, cmd: ['/bin/bash'], program: 'exits' },
  'docker.io/library/debian': { tags: { latest: 48_494_272, bookworm: 48_494_272, 'bookworm-slim': 28_227_259 }, cmd: ['bash'], program: 'exits' },
  'docker.io/library/hello-world': { tags: { latest: 3_208, linux: 3_208 }, cmd: ['/hello'], program: 'exits' },
  'docker.io/library/redis': { tags: { latest: 45_038_752, alpine: 17_101_219, '7': 45_038_752, '7.2': 44_112_096, '7.4': 45_038_752, '6.2': 40_179_358 }, entrypoint: ['docker-entrypoint.sh'], cmd: ['redis-server'], ...CLEAN },
  'docker.io/library/mongo': { tags: { latest: 251_370_144, '4.4': 160_212_350, '6.0': 229_114_080, '7.0': 251_370_144, '8.0': 268_001_423 }, cmd: ['mongod'], ...CLEAN },
  'docker.io/library/postgres': { tags: { latest: 153_720_014, '16': 150_118_220, '17': 153_720_014, alpine: 105_325_007 }, cmd: ['postgres'], ...CLEAN },
  'docker.io/library/mysql': { tags: { latest: 170_220_512, '8.0': 165_514_230, '8.4': 170_220_512 }, cmd: ['mysqld'], ...CLEAN },
  'docker.io/library/rabbitmq': { tags: { latest: 104_114_203, management: 107_225_090, '3-management': 106_921_502, '3.6.8-management': 60_204_711 }, cmd: ['rabbitmq-server'], ...CLEAN },
  'docker.io/library/perl': { tags: { latest: 339_402_117, '5.34': 330_617_204, '5.36': 333_800_452, '5.38': 336_210_551, '5.40': 339_402_117, slim: 44_780_222 }, cmd: ['perl', '-de0'], program: 'perl', ...IGNORES_TERM },
  'docker.io/library/python': { tags: { latest: 372_090_123, '3.12': 370_015_904, '3.13': 372_090_123, '3.12-slim': 45_370_211 }, cmd: ['python3'], program: 'exits', ...IGNORES_TERM },
  'docker.io/library/node': { tags: { latest: 398_812_302, '20': 391_240_118, '22': 398_812_302, '20-alpine': 43_015_336 }, cmd: ['node'], program: 'exits', ...IGNORES_TERM },
  'docker.io/curlimages/curl': { tags: { latest: 11_520_110 }, entrypoint: ['curl'], cmd: ['--help'], userland: 'busybox', program: 'exits' },
  'docker.io/polinux/stress': { tags: { latest: 4_041_280 }, cmd: ['stress'], userland: 'busybox', program: 'stress', ...IGNORES_TERM },
  'docker.io/vish/stress': { tags: { latest: 1_660_116 }, entrypoint: ['/stress'], program: 'stress', ...GO },
  // The Spring Boot guide's image: a JVM that listens on 8080 about 6 s after it starts (Tomcat + Spring context).
  'docker.io/springio/gs-spring-boot-docker': { tags: { latest: 130_512_338 }, entrypoint: ['java', '-jar', '/app.jar'], warmupMs: 6_000, ...JVM },
  'docker.io/kbudde/rabbitmq-exporter': { tags: { latest: 6_514_432 }, entrypoint: ['/app'], ...GO },
  'registry.k8s.io/coredns/coredns': { tags: { 'v1.13.1': 22_800_000 }, entrypoint: ['/coredns'], ...CLEAN },
  'registry.k8s.io/ingress-nginx/controller': { tags: { 'v1.12.1': 110_000_000 }, entrypoint: ['/usr/bin/dumb-init', '--'], cmd: ['/nginx-ingress-controller'], ...CLEAN },
  'registry.k8s.io/pause': { tags: PAUSE_TAGS, entrypoint: ['/pause'], program: 'pause', ...CLEAN },
  'k8s.gcr.io/pause': { tags: PAUSE_TAGS, entrypoint: ['/pause'], program: 'pause', ...CLEAN },
  'registry.k8s.io/e2e-test-images/agnhost': { tags: AGNHOST_TAGS, entrypoint: ['/agnhost'], cmd: ['pause'], program: 'agnhost', ...GO },
  'k8s.gcr.io/e2e-test-images/agnhost': { tags: AGNHOST_TAGS, entrypoint: ['/agnhost'], cmd: ['pause'], program: 'agnhost', ...GO },
  'k8s.gcr.io/liveness': { tags: { latest: 2_953_117 }, cmd: ['/server'], program: 'liveness', ...GO },
  'registry.k8s.io/liveness': { tags: { latest: 2_953_117 }, cmd: ['/server'], program: 'liveness', ...GO },
  'registry.k8s.io/hpa-example': { tags: { latest: 181_021_457 }, cmd: ['apache2-foreground'], ...CLEAN },
  'k8s.gcr.io/hpa-example': { tags: { latest: 181_021_457 }, cmd: ['apache2-foreground'], ...CLEAN },
  'registry.k8s.io/goproxy': { tags: { '0.1': 2_530_205 }, entrypoint: ['/goproxy'], ...GO },
  'registry.k8s.io/nginx-slim': { tags: { '0.8': 51_080_301, '0.24': 27_055_422, '0.26': 27_460_118, '0.27': 27_611_003 }, cmd: ['nginx', '-g', 'daemon off;'], ...CLEAN },
  'registry.k8s.io/echoserver': { tags: { '1.4': 46_101_412, '1.10': 46_513_777 }, cmd: ['nginx', '-g', 'daemon off;'], ...CLEAN },
  'k8s.gcr.io/echoserver': { tags: { '1.4': 46_101_412, '1.10': 46_513_777 }, cmd: ['nginx', '-g', 'daemon off;'], ...CLEAN },
  'gcr.io/google-samples/hello-app': { tags: { '1.0': 4_114_320, '2.0': 4_117_809 }, entrypoint: ['./hello-app'], ...GO },
  'registry.k8s.io/kube-proxy': { tags: { 'v1.35.0': 30_702_114 }, entrypoint: ['/usr/local/bin/kube-proxy'], ...GO },
  'k8s.gcr.io/fluentd-elasticsearch': { tags: { '1.20': 145_610_336 }, ...CLEAN },
  'quay.io/fluentd_elasticsearch/fluentd': { tags: { 'v2.5.2': 140_218_009, 'v4.7.2': 151_322_780 }, ...CLEAN },
  'k8s.gcr.io/redis': { tags: { e2e: 44_310_215, v1: 44_310_215 }, cmd: ['redis-server'], ...CLEAN },
  'registry.k8s.io/redis': { tags: { e2e: 44_310_215, v1: 44_310_215 }, cmd: ['redis-server'], ...CLEAN },
  'gcr.io/google_samples/gb-redisslave': { tags: { v1: 70_126_330, v3: 38_812_207 }, ...CLEAN },
  'gcr.io/google-samples/gb-frontend': { tags: { v4: 170_345_520, v5: 171_110_239, v6: 171_220_845 }, cmd: ['apache2-foreground'], ...CLEAN },
  'docker.io/corelab/gb-frontend': { tags: { v5: 171_110_239 }, cmd: ['apache2-foreground'], ...CLEAN },
  'us-docker.pkg.dev/google-samples/containers/gke/gb-redis-follower': { tags: { v2: 40_417_665 }, cmd: ['redis-server'], ...CLEAN },
  'us-docker.pkg.dev/google-samples/containers/gke/gb-frontend': { tags: { v5: 171_110_239 }, cmd: ['apache2-foreground'], ...CLEAN },
  'docker.io/weaveworksdemos/carts': { tags: { '0.4.8': 115_225_730 }, ...JVM },
  'docker.io/weaveworksdemos/catalogue': { tags: { '0.3.5': 10_220_118 }, ...GO },
  'docker.io/weaveworksdemos/catalogue-db': { tags: { '0.3.0': 137_440_019 }, ...CLEAN },
  'docker.io/weaveworksdemos/front-end': { tags: { '0.3.12': 115_740_512 }, ...IGNORES_TERM },
  'docker.io/weaveworksdemos/orders': { tags: { '0.4.7': 115_331_104 }, ...JVM },
  'docker.io/weaveworksdemos/payment': { tags: { '0.4.3': 10_112_445 }, ...GO },
  'docker.io/weaveworksdemos/queue-master': { tags: { '0.3.1': 115_106_277 }, ...JVM },
  'docker.io/weaveworksdemos/shipping': { tags: { '0.4.8': 115_298_021 }, ...JVM },
  'docker.io/weaveworksdemos/user': { tags: { '0.4.7': 10_305_660 }, ...GO },
  'docker.io/weaveworksdemos/user-db': { tags: { '0.3.0': 190_227_301 }, ...CLEAN },
  [`${OB}/frontend`]: ob(24_812_302),
  [`${OB}/adservice`]: ob(182_015_774, JVM),
  [`${OB}/cartservice`]: ob(31_220_569, CLEAN),
  [`${OB}/checkoutservice`]: ob(14_320_118),
  [`${OB}/currencyservice`]: ob(61_770_401, IGNORES_TERM),
  [`${OB}/emailservice`]: ob(62_105_210, IGNORES_TERM),
  [`${OB}/loadgenerator`]: ob(63_900_122, IGNORES_TERM),
  [`${OB}/paymentservice`]: ob(61_702_336, IGNORES_TERM),
  [`${OB}/productcatalogservice`]: ob(15_118_803),
  [`${OB}/recommendationservice`]: ob(60_880_517, IGNORES_TERM),
  [`${OB}/shippingservice`]: ob(14_290_455),
};

/** Registries whose unknown repositories still pull: Kubeplay cannot know everything they hold. */
const WELL_KNOWN_REGISTRIES = [
  /^docker\.io$/, /^registry\.k8s\.io$/, /^k8s\.gcr\.io$/, /^([a-z0-9-]+\.)?gcr\.io$/, /^[a-z0-9-]+-docker\.pkg\.dev$/,
  /^quay\.io$/, /^ghcr\.io$/, /^mcr\.microsoft\.com$/, /^public\.ecr\.aws$/, /^registry\.gitlab\.com$/, /^docker\.elastic\.co$/,
  /^nvcr\.io$/, /^cgr\.dev$/,
];

/** CatalogueImage is what a pull of an existing image yields. */
export interface CatalogueImage {
  size: number;
  /** `sha256:…` repo digest of the manifest. */
  repoDigest: string;
  /** `sha256:…` id of the image config. */
  id: string;
  info: RepositoryInfo;
}

/** LookupResult is either an image or the error containerd would report. */
export type LookupResult = { ok: true; image: CatalogueImage } | { ok: false; message: string };

const DEFAULT_INFO: RepositoryInfo = { tags: {} };

/**
 * lookupImage resolves a reference against the catalogue: a known repository has exactly its listed tags; an unknown
 * repository pulls if its registry is well known (with a size derived from its name); any other registry cannot be
 * resolved.
 */
export function lookupImage(ref: ImageReference): LookupResult {
  const info = CATALOGUE[ref.repository];
  if (info) {
    const tag = ref.tag || Object.keys(info.tags)[0]!;
    const size = info.tags[tag];
    if (size === undefined) return { ok: false, message: notFound(ref) };
    return { ok: true, image: image(ref, size, info) };
  }
  if (!WELL_KNOWN_REGISTRIES.some((re) => re.test(ref.domain))) return { ok: false, message: unresolvable(ref) };
  const size = 10 * MB + (parseInt(pseudoDigest(ref.repository).slice(0, 8), 16) % (110 * MB));
  return { ok: true, image: image(ref, size, DEFAULT_INFO) };
}

/** repositoryInfo is what the catalogue knows about an image's program, even before it is pulled. */
export function repositoryInfo(ref: ImageReference): RepositoryInfo {
  return CATALOGUE[ref.repository] ?? DEFAULT_INFO;
}

function image(ref: ImageReference, size: number, info: RepositoryInfo): CatalogueImage {
  const pinned = ref.digest || `sha256:${pseudoDigest(`${ref.repository}:${ref.tag}`)}`;
  return { size, repoDigest: pinned, id: `sha256:${pseudoDigest(`config ${pinned}`)}`, info };
}

function notFound(ref: ImageReference): string {
  const n = ref.normalized;
  return `rpc error: code = NotFound desc = failed to pull and unpack image "${n}": failed to resolve reference "${n}": ${n}: not found`;
}

function unresolvable(ref: ImageReference): string {
  const n = ref.normalized;
  const path = ref.repository.slice(ref.domain.length + 1);
  const host = ref.domain.replace(/:\d+$/, '');
  return (
    `rpc error: code = Unknown desc = failed to pull and unpack image "${n}": failed to resolve reference "${n}": ` +
    `failed to do request: Head "https://${ref.domain}/v2/${path}/manifests/${ref.tag || ref.digest}": ` +
    `dial tcp: lookup ${host} on 127.0.0.53:53: no such host`
  );
}
