import type { FieldError } from '../api/fieldError';
import type { KubeObject } from '../api/object';

/** AdmissionView is what defaulting and validation may read from the API server: other stored objects. */
export interface AdmissionView {
  get(kind: string, namespace: string, name: string): KubeObject | undefined;
  list(kind: string, namespace?: string): readonly KubeObject[];
}

/**
 * KindSpec describes one API kind to the simulated API server: its REST names, scope, and the per-kind parts of
 * the request path (defaulting as in pkg/apis/<group>/v1/defaults.go, validation as in pkg/apis/<group>/validation).
 * Adding a kind is adding one file that exports a KindSpec and listing it in kinds/index.ts.
 */
export interface KindSpec<T extends KubeObject = KubeObject> {
  group: string;
  version: string;
  kind: string;
  /** Lower-case plural resource name, e.g. `deployments`. */
  plural: string;
  /** kubectl short names, e.g. `deploy`. */
  shortNames?: readonly string[];
  namespaced: boolean;
  /** Kinds with a status subresource ignore status in spec writes and spec in status writes. */
  statusSubresource: boolean;
  /** Whether the API server tracks metadata.generation (bumped on spec changes). */
  generation?: boolean;
  /** The registry's TTLFunc: each write of an object of this kind is deleted this long after, unless written again. */
  ttlSeconds?: number;
  /** SetDefaults_<Kind>: fill in defaults in place on a private copy. */
  defaults?(obj: T): void;
  /** Validate<Kind>: field errors for a create (old undefined) or an update. */
  validate?(obj: T, old: T | undefined, view: AdmissionView): FieldError[];
  /** PrepareForCreate: strategy hook that resets fields users may not set on create (usually status). */
  prepareForCreate?(obj: T): void;
}

/** apiVersionOf is `group/version`, or just `version` for the core group. */
export function apiVersionOf(spec: Pick<KindSpec, 'group' | 'version'>): string {
  return spec.group ? `${spec.group}/${spec.version}` : spec.version;
}

/** resourceName is how kubectl names the kind in its output: `deployment.apps`, `pod`. */
export function resourceName(spec: Pick<KindSpec, 'group' | 'kind'>): string {
  const singular = spec.kind.toLowerCase();
  return spec.group ? `${singular}.${spec.group}` : singular;
}
