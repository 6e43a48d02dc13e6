import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../clock/virtualClock';
import { RequestPacer } from './requestPacer';
import { TokenBucketRateLimiter } from './tokenBucketRateLimiter';

describe('RequestPacer', () => {
  it('sends at once while the client has a token, then at the next token, and says once how long a request waited', () => {
    const clock = new VirtualClock();
    const limiter = new TokenBucketRateLimiter(clock, 20, 1);
    const pacer = new RequestPacer(clock, 'replicaset-controller', limiter);
    const sent: Array<[number, string | undefined]> = [];
    const send = () => {
      limiter.reserve();
      sent.push([clock.now(), pacer.takeThrottling()]);
    };
    pacer.whenReady(send);
    pacer.whenReady(send);
    clock.advanceTo(1000);
    expect(sent).toEqual([
      [0, undefined],
      [50, 'waited 50ms due to client-side throttling: 20 requests/s after a burst of 1'],
    ]);
    expect(pacer.takeThrottling()).toBeUndefined();
  });

  it('without a limiter every request goes at once', () => {
    const clock = new VirtualClock();
    const pacer = new RequestPacer(clock, 'replicaset-controller');
    const sent: number[] = [];
    for (let i = 0; i < 3; i++) pacer.whenReady(() => sent.push(clock.now()));
    expect([pacer.ready(), sent]).toEqual([true, [0, 0, 0]]);
  });
});
