// Mirrors pkg/registry/core/event/strategy.go.
import type { Event } from 'kubernetes-types/core/v1';
import { validateEvent } from '../../api/core/v1/validation/event';
import type { KubeObject } from '../../api/object';
import type { KindSpec } from '../kindSpec';

/** eventKind: core/v1 Events, as kubectl get events lists them. */
export const eventKind: KindSpec = {
  group: '',
  version: 'v1',
  kind: 'Event',
  plural: 'events',
  shortNames: ['ev'],
  namespaced: true,
  statusSubresource: false,
  validate: (obj: KubeObject) => validateEvent(obj as unknown as Event),
};
