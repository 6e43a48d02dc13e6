import { describe, expect, it } from 'vitest';
import { parseImageReference } from './reference';

describe('parseImageReference', () => {
  it.each([
    ['A Docker Hub official image gets docker.io/library and the latest tag.', 'nginx', 'docker.io/library/nginx:latest'],
    ['A tagged official image keeps its tag.', 'nginx:1.14.2', 'docker.io/library/nginx:1.14.2'],
    ['A Docker Hub user image gets docker.io only.', 'polinux/stress', 'docker.io/polinux/stress:latest'],
    ['A registry host is recognised by its dot.', 'registry.k8s.io/pause:3.10', 'registry.k8s.io/pause:3.10'],
    ['A registry with a port is recognised by its colon.', 'localhost:5000/app:v1', 'localhost:5000/app:v1'],
    ['index.docker.io is docker.io.', 'index.docker.io/library/redis:alpine', 'docker.io/library/redis:alpine'],
    ['A tag and a digest are both kept.', 'busybox:1.38.0@sha256:fd8d9aa63ba2f0982b5304e1ee8d3b90a210bc1ffb5314d980eb6962f1a9715d', 'docker.io/library/busybox:1.38.0@sha256:fd8d9aa63ba2f0982b5304e1ee8d3b90a210bc1ffb5314d980eb6962f1a9715d'],
  ])('%s', (_name, image, normalized) => {
    expect(parseImageReference(image)?.normalized).toBe(normalized);
  });

  it('A digest-only reference has no tag.', () => {
    const ref = parseImageReference('registry.k8s.io/redis@sha256:cb111d1bd870a6a471385a4a69ad17469d326e9dd91e0e455350cacf36e1b3ee');
    expect(ref?.tag).toBe('');
    expect(ref?.repository).toBe('registry.k8s.io/redis');
  });

  it('An upper-case repository is not a valid reference.', () => {
    expect(parseImageReference('Nginx:1.25')).toBeUndefined();
  });

  it('A name parsed again gives the same frozen reference, and an invalid one stays invalid.', () => {
    const first = parseImageReference('redis:7.2');
    expect(parseImageReference('redis:7.2')).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(first).toEqual({
      spelled: 'redis:7.2', domain: 'docker.io', repository: 'docker.io/library/redis', tag: '7.2', digest: '', normalized: 'docker.io/library/redis:7.2',
    });
    expect([parseImageReference('Redis:7.2'), parseImageReference('Redis:7.2')]).toEqual([undefined, undefined]);
  });
});
