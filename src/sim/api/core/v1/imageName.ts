// Mirrors pkg/util/parsers/parsers.go ParseImageName over github.com/distribution/reference's grammar, reduced to
// what defaulting needs: the tag ("latest" when neither tag nor digest is given, "" when the reference is invalid).

const DOMAIN = /^(?:localhost|[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\[[0-9a-fA-F:]+\])(?::[0-9]+)?$/;
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[0-9a-fA-F]{32,}$/;

/**
 * imageTag is the tag ParseImageName reports for an image reference: `nginx` → "latest", `nginx:1.25` → "1.25",
 * `nginx@sha256:…` → "", and "" for references the distribution parser rejects (e.g. upper-case repositories).
 */
export function imageTag(image: string): string {
  let name = image;
  let digest = '';
  const at = image.indexOf('@');
  if (at >= 0) {
    name = image.slice(0, at);
    digest = image.slice(at + 1);
    if (!DIGEST.test(digest)) return '';
  }
  let tag = '';
  const colon = name.lastIndexOf(':');
  if (colon > name.lastIndexOf('/')) {
    tag = name.slice(colon + 1);
    name = name.slice(0, colon);
    if (!TAG.test(tag)) return '';
  }
  if (!isValidName(name)) return '';
  return tag === '' && digest === '' ? 'latest' : tag;
}

function isValidName(name: string): boolean {
  if (name === '' || name.length > 255) return false;
  const parts = name.split('/');
  // The first component is a registry host when it looks like one (splitDockerDomain).
  const first = parts[0]!;
  if (parts.length > 1 && (/[.:]/.test(first) || first === 'localhost' || first !== first.toLowerCase())) {
    if (!DOMAIN.test(first)) return false;
    parts.shift();
  }
  return parts.every((p) => PATH_COMPONENT.test(p));
}
