// Mirrors k8s.io/kubectl/pkg/describe/interface.go (ResourceDescriber, DescriberSettings); leaves out ChunkSize.
import type { KubeObject } from '../../api/object';
import type { VirtualMs } from '../../clock/virtualClock';
import type { ApiClient } from '../../store/types';

/** DescriberSettings carries what every describer may read besides the object. */
export interface DescriberSettings {
  /** The API server, for related objects (pods of a ReplicaSet, a node's lease) and events. */
  client: ApiClient;
  /** The virtual time ages are measured at. */
  now: VirtualMs;
  /** Whether to print the Events section (kubectl: one object described, or --show-events). */
  showEvents: boolean;
}

/** Describer renders one object as `kubectl describe` prints it; the text ends with a newline. */
export type Describer = (obj: KubeObject, settings: DescriberSettings) => string;
