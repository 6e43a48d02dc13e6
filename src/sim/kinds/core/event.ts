// Mirrors pkg/registry/core/event/strategy.go.
import type { Event } from 'kubernetes-types/core/v1';
import { validateEvent } from '../../api/core/v1/validation/event';
import type { KubeObject } from '../../api/object';
import type { KindSpec } from '../kindSpec';

/** kube-apiserver's --event-ttl default (cmd/kube-apiserver/app/options: EventTTL: 1 * time.Hour). */
export const EVENT_TTL_SECONDS = 3600;

/** eventKind: core/v1 Events, as kubectl get events lists them; each lives an hour after its last write. */
export const eventKind: KindSpec = {
  group: '',
  version: 'v1',
  kind: 'Event',
  plural: 'events',
  shortNames: ['ev'],
  namespaced: true,
  statusSubresource: false,
  ttlSeconds: EVENT_TTL_SECONDS,
  validate: (obj: KubeObject) => validateEvent(obj as unknown as Event),
};
