// Mirrors github.com/distribution/reference ParseNormalizedNamed (normalize.go splitDockerDomain) as containerd applies
// it to the image a pod names; validity itself is pkg/util/parsers.ParseImageName (api/core/v1/imageName.ts).
import { imageTag } from '../../api/core/v1/imageName';

const DEFAULT_DOMAIN = 'docker.io';
const LEGACY_DEFAULT_DOMAIN = 'index.docker.io';
const OFFICIAL_REPO_PREFIX = 'library/';

/** ImageReference is an image name as the container runtime resolves it. */
export interface ImageReference {
  /** What the pod spec says, e.g. `nginx:1.14.2`. */
  spelled: string;
  /** Registry host, e.g. `docker.io`, `registry.k8s.io`. */
  domain: string;
  /** Fully qualified repository, e.g. `docker.io/library/nginx`. */
  repository: string;
  /** Tag, `latest` when neither tag nor digest is given; '' for digest-only references. */
  tag: string;
  /** `sha256:…` when the reference pins a digest. */
  digest: string;
  /** The normalized reference containerd pulls, e.g. `docker.io/library/nginx:1.14.2`. */
  normalized: string;
}

const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[0-9a-fA-F]{32,}$/;

/** isValidReference: imageTag is '' for invalid references, and also for valid digest-only ones. */
function isValidReference(image: string): boolean {
  const at = image.indexOf('@');
  if (at < 0) return imageTag(image) !== '';
  return DIGEST.test(image.slice(at + 1)) && imageTag(image.slice(0, at)) !== '';
}

/**
 * References by image name: every pod of a Deployment names the same image, and pulling, starting and logging a
 * container each parse it. Bounded, since image names typed into the editor are unbounded. The references are
 * frozen, since every caller shares them.
 */
const parsed = new Map<string, Readonly<ImageReference> | undefined>();
const PARSED_SIZE = 1024;

/** parseImageReference normalizes an image name, or returns undefined when it is not a valid reference. */
export function parseImageReference(image: string): Readonly<ImageReference> | undefined {
  const known = parsed.get(image);
  if (known !== undefined || parsed.has(image)) return known;
  if (parsed.size >= PARSED_SIZE) parsed.clear();
  const ref = parse(image);
  parsed.set(image, ref && Object.freeze(ref));
  return ref;
}

function parse(image: string): ImageReference | undefined {
  if (!isValidReference(image)) return undefined;
  let rest = image;
  let digest = '';
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag = '';
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  const slash = rest.indexOf('/');
  let domain = DEFAULT_DOMAIN;
  let path = rest;
  const first = slash >= 0 ? rest.slice(0, slash) : '';
  if (slash >= 0 && (/[.:]/.test(first) || first === 'localhost')) {
    domain = first === LEGACY_DEFAULT_DOMAIN ? DEFAULT_DOMAIN : first;
    path = rest.slice(slash + 1);
  }
  if (domain === DEFAULT_DOMAIN && !path.includes('/')) path = OFFICIAL_REPO_PREFIX + path;
  if (tag === '' && digest === '') tag = 'latest';
  const repository = `${domain}/${path}`;
  const normalized = repository + (tag ? `:${tag}` : '') + (digest ? `@${digest}` : '');
  return { spelled: image, domain, repository, tag, digest, normalized };
}
