import { describe, expect, it } from 'vitest';
import { lookupImage } from './catalogue';
import { parseImageReference } from './reference';

const lookup = (image: string) => lookupImage(parseImageReference(image)!);

describe('lookupImage', () => {
  it('A known tag pulls with its catalogue size.', () => {
    const result = lookup('nginx:1.14.2');
    expect(result.ok && result.image.size).toBe(72_531_456);
  });

  it('A tag that does not exist fails as containerd reports it.', () => {
    expect(lookup('nginx:doesnotexist')).toEqual({
      ok: false,
      message:
        'rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:doesnotexist": failed to resolve reference "docker.io/library/nginx:doesnotexist": docker.io/library/nginx:doesnotexist: not found',
    });
  });

  it('The typo tag of the rollout docs (nginx:1.161) does not exist.', () => {
    expect(lookup('nginx:1.161').ok).toBe(false);
  });

  it('An unknown repository on a well-known registry still pulls, with a size derived from its name.', () => {
    const first = lookup('ghcr.io/example/app:v2');
    const second = lookup('ghcr.io/example/app:v3');
    expect(first.ok).toBe(true);
    expect(first.ok && second.ok && first.image.size).toBe(second.ok && second.image.size);
  });

  it('A registry nobody knows cannot be resolved.', () => {
    expect(lookup('registry.invalid/aiops/rootcause:v0')).toEqual({
      ok: false,
      message:
        'rpc error: code = Unknown desc = failed to pull and unpack image "registry.invalid/aiops/rootcause:v0": failed to resolve reference "registry.invalid/aiops/rootcause:v0": failed to do request: Head "https://registry.invalid/v2/aiops/rootcause/manifests/v0": dial tcp: lookup registry.invalid on 127.0.0.53:53: no such host',
    });
  });

  it('The same image has the same digest every time.', () => {
    const a = lookup('redis:alpine');
    const b = lookup('redis:alpine');
    expect(a.ok && a.image.repoDigest).toBe(b.ok && b.image.repoDigest);
    expect(a.ok && a.image.repoDigest).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('A pinned digest is the repo digest.', () => {
    const r = lookup('busybox:1.38.0@sha256:fd8d9aa63ba2f0982b5304e1ee8d3b90a210bc1ffb5314d980eb6962f1a9715d');
    expect(r.ok && r.image.repoDigest).toBe('sha256:fd8d9aa63ba2f0982b5304e1ee8d3b90a210bc1ffb5314d980eb6962f1a9715d');
  });
});
