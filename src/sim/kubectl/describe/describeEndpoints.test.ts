import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/object';
import { describeEndpoints } from './describeEndpoints';
import { fakeClient } from './fakeClient';

const text = (...lines: string[]) => lines.map((l) => `${l}\n`).join('');

describe('describeEndpoints', () => {
  it('Each subset lists its ready and not-ready addresses and its ports, then a blank line', () => {
    const ep: KubeObject = {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { name: 'web', namespace: 'default', labels: { app: 'web' } },
      subsets: [
        {
          addresses: [{ ip: '10.244.1.2' }, { ip: '10.244.2.2' }],
          notReadyAddresses: [{ ip: '10.244.3.2' }],
          ports: [{ port: 8080, protocol: 'TCP' }, { name: 'metrics', port: 9090, protocol: 'TCP' }],
        },
        { addresses: [{ ip: '10.244.1.3' }] },
      ],
    };
    expect(describeEndpoints(ep, { client: fakeClient([ep]), now: 0, showEvents: true })).toBe(
      text(
        'Name:         web',
        'Namespace:    default',
        'Labels:       app=web',
        'Annotations:  <none>',
        'Subsets:',
        '  Addresses:          10.244.1.2,10.244.2.2',
        '  NotReadyAddresses:  10.244.3.2',
        '  Ports:',
        '    Name     Port  Protocol',
        '    ----     ----  --------',
        '    <unset>  8080  TCP',
        '    metrics  9090  TCP',
        '',
        '  Addresses:          10.244.1.3',
        '  NotReadyAddresses:  <none>',
        '',
        'Events:  <none>',
      ),
    );
  });
});
