import type { Container, Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../../clock/random';
import { VirtualClock } from '../../clock/virtualClock';
import { ImageService } from '../cri/imageService';
import { ImageManager, type EnsureResult } from './imageManager';

const pod: Pod = { metadata: { name: 'web', namespace: 'default', uid: 'u1' } };

function setup(preloaded: string[] = []) {
  const clock = new VirtualClock();
  const images = new ImageService(clock, new SeededRandom(7), 'containerd/node-1');
  images.preload(preloaded);
  const events: string[] = [];
  const manager = new ImageManager(clock, images, (_pod, type, reason, message) => events.push(`${clock.now() / 1000}s ${type} ${reason}: ${message}`));
  const ensure = (container: Container) => {
    const results: EnsureResult[] = [];
    manager.ensureImageExists(pod, container, (r) => results.push(r));
    return results;
  };
  return { clock, images, manager, events, ensure };
}

describe('ImageManager', () => {
  it('IfNotPresent with the image on the node reports it already present, at once.', () => {
    const { events, ensure } = setup(['nginx:1.14.2']);
    expect(ensure({ name: 'nginx', image: 'nginx:1.14.2', imagePullPolicy: 'IfNotPresent' })).toEqual([
      { ok: true, image: 'docker.io/library/nginx:1.14.2', imageRef: 'docker.io/library/nginx@sha256:e4c4a4f7980a4a0be5b2d6ce43e52ac4756d38da8ed53b323b5c36e73dbf1821' },
    ]);
    expect(events).toEqual(['0s Normal Pulled: Container image "nginx:1.14.2" already present on machine']);
  });

  it('A missing image is pulled, and the Pulled event gives the time and the size.', () => {
    const { clock, events, ensure } = setup();
    const results = ensure({ name: 'nginx', image: 'nginx:1.14.2', imagePullPolicy: 'IfNotPresent' });
    clock.advanceTo(60_000);
    expect(results).toHaveLength(1);
    expect(events).toEqual([
      '0s Normal Pulling: Pulling image "nginx:1.14.2"',
      '4.262s Normal Pulled: Successfully pulled image "nginx:1.14.2" in 4.262s (4.262s including waiting). Image size: 72531456 bytes.',
    ]);
  });

  it('Always pulls even a present image, which only costs the manifest check.', () => {
    const { clock, events, ensure } = setup(['nginx:latest']);
    ensure({ name: 'nginx', image: 'nginx', imagePullPolicy: 'Always' });
    clock.advanceTo(60_000);
    expect(events).toEqual([
      '0s Normal Pulling: Pulling image "nginx"',
      '0.546s Normal Pulled: Successfully pulled image "nginx" in 546ms (546ms including waiting). Image size: 72225394 bytes.',
    ]);
  });

  it('Pulls are serialized: a second pull waits for the first and says so.', () => {
    const { clock, events, ensure } = setup();
    ensure({ name: 'a', image: 'nginx:1.14.2' });
    ensure({ name: 'b', image: 'redis:alpine' });
    clock.advanceTo(60_000);
    expect(events.filter((e) => e.includes('Pulled'))).toEqual([
      '4.262s Normal Pulled: Successfully pulled image "nginx:1.14.2" in 4.262s (4.262s including waiting). Image size: 72531456 bytes.',
      '5.595s Normal Pulled: Successfully pulled image "redis:alpine" in 1.333s (5.595s including waiting). Image size: 17101219 bytes.',
    ]);
  });

  it('Never with the image missing fails with ErrImageNeverPull.', () => {
    const { events, ensure } = setup();
    expect(ensure({ name: 'app', image: 'app:v1', imagePullPolicy: 'Never' })).toEqual([
      { ok: false, reason: 'ErrImageNeverPull', message: 'Container image "app:v1" is not present with pull policy of Never' },
    ]);
    expect(events).toEqual(['0s Warning ErrImageNeverPull: Container image "app:v1" is not present with pull policy of Never']);
  });

  it('An invalid image name fails with InvalidImageName.', () => {
    const { ensure } = setup();
    expect(ensure({ name: 'app', image: 'Nginx' })).toEqual([
      { ok: false, reason: 'InvalidImageName', message: 'Failed to apply default image tag "Nginx": couldn\'t parse image name "Nginx": invalid reference format' },
    ]);
  });

  it('A failed pull backs off 10 s, then 20 s, and reports the last error while backing off.', () => {
    const { clock, manager, events, ensure } = setup();
    const image = { name: 'nginx', image: 'nginx:doesnotexist' };
    expect(ensure(image)).toEqual([]);
    clock.advanceTo(5_000);
    expect(manager.retryAt(pod, image.image)).toBe(10_546);
    expect(ensure(image)).toEqual([
      {
        ok: false,
        reason: 'ImagePullBackOff',
        message:
          'Back-off pulling image "nginx:doesnotexist": ErrImagePull: rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:doesnotexist": failed to resolve reference "docker.io/library/nginx:doesnotexist": docker.io/library/nginx:doesnotexist: not found',
      },
    ]);
    clock.advanceTo(10_546);
    ensure(image);
    clock.advanceTo(15_000);
    expect(events.map((e) => e.split(':')[0])).toEqual(['0s Normal Pulling', '0.546s Warning Failed', '10.546s Normal Pulling', '11.041s Warning Failed']);
    expect(manager.retryAt(pod, image.image)).toBe(31_041);
  });

  it('A slowed node pulls proportionally slower.', () => {
    const { clock, images, events, ensure } = setup();
    images.slow(3);
    ensure({ name: 'nginx', image: 'nginx:1.14.2' });
    clock.advanceTo(60_000);
    expect(events[1]).toBe('12.786s Normal Pulled: Successfully pulled image "nginx:1.14.2" in 12.786s (12.786s including waiting). Image size: 72531456 bytes.');
  });
});
