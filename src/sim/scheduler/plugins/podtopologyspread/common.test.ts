import { describe, expect, it } from 'vitest';
import { labelSelectorAsSelector } from '../../../api/meta/v1/labelSelector';
import { NodeInfo } from '../../framework/nodeInfo';
import { makePod } from '../../testing/wrappers';
import type { Selector } from '../../../api/meta/v1/labelSelector';
import { PodCounter } from './common';

/** countNodePodsMatchSelector is PodCounter.count for one node, as each scheduling cycle asks it. */
const countNodePodsMatchSelector = (nodeInfo: NodeInfo, selector: Selector, ns: string) => new PodCounter(selector, ns).count(nodeInfo);

describe('countNodePodsMatchSelector', () => {
  const web = labelSelectorAsSelector({ matchLabels: { app: 'web' } });
  const pod = (name: string, app: string, ns = 'default') => makePod().name(name).namespace(ns).label('app', app).obj();

  it('counts the matching pods of the namespace, without terminating ones', () => {
    const node = new NodeInfo(pod('a', 'web'), pod('b', 'web'), pod('c', 'db'), pod('d', 'web', 'other'), makePod().name('e').label('app', 'web').terminating().obj());
    expect([countNodePodsMatchSelector(node, web, 'default'), countNodePodsMatchSelector(node, web, 'other')]).toEqual([2, 1]);
  });

  it('counts again once the node changes: a remembered count is only good for one generation', () => {
    const node = new NodeInfo(pod('a', 'web'));
    const counts = [countNodePodsMatchSelector(node, web, 'default')];
    node.addPod(pod('b', 'web'));
    counts.push(countNodePodsMatchSelector(node, web, 'default'));
    node.removePod(pod('a', 'web'));
    node.removePod(pod('b', 'web'));
    counts.push(countNodePodsMatchSelector(node, web, 'default'));
    expect(counts).toEqual([1, 2, 0]);
  });

  it('remembers counts per selector: an equal selector built again shares them, another selector does not', () => {
    const node = new NodeInfo(pod('a', 'web'), pod('b', 'db'));
    const again = labelSelectorAsSelector({ matchLabels: { app: 'web' } });
    const db = labelSelectorAsSelector({ matchLabels: { app: 'db' } });
    expect([web, again, db].map((s) => countNodePodsMatchSelector(node, s, 'default'))).toEqual([1, 1, 1]);
    expect(countNodePodsMatchSelector(node, labelSelectorAsSelector({ matchExpressions: [{ key: 'app', operator: 'Exists' }] }), 'default')).toBe(2);
  });
});
