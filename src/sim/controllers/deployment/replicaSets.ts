// Mirrors pkg/controller/deployment/util/deployment_util.go (FindNewReplicaSet, FindOldReplicaSets, EqualIgnoreHash,
// FindActiveOrLatest, ReplicaSetsByRevision) and the ReplicaSet sorters of pkg/controller/controller_utils.go.
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/object';
import { deepCopy } from '../../store/deepCopy';

/** DeploymentObject is a Deployment as the API server stores it. */
export type DeploymentObject = Deployment & KubeObject & { spec: NonNullable<Deployment['spec']> };
/** ReplicaSetObject is a ReplicaSet as the API server stores it. */
export type ReplicaSetObject = ReplicaSet & KubeObject;

/** DefaultDeploymentUniqueLabelKey is the label the Deployment controller adds to its ReplicaSets and their pods. */
export const DEFAULT_DEPLOYMENT_UNIQUE_LABEL_KEY = 'pod-template-hash';
/** RevisionAnnotation records a ReplicaSet's (and its Deployment's) place in the rollout sequence. */
export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';

/** specReplicas reads `*rs.Spec.Replicas`; the API server defaults it to 1. */
export function specReplicas(rs: ReplicaSetObject): number {
  return rs.spec?.replicas ?? 1;
}

/** deploymentReplicas reads `*d.Spec.Replicas`; the API server defaults it to 1. */
export function deploymentReplicas(d: DeploymentObject): number {
  return d.spec.replicas ?? 1;
}

/**
 * revision reads the revision annotation: 0 when absent, undefined when it is not an integer (upstream returns a
 * parse error, which callers skip).
 */
export function revision(obj: KubeObject): number | undefined {
  const v = obj.metadata.annotations?.[REVISION_ANNOTATION];
  if (v === undefined) return 0;
  return /^[+-]?\d+$/.test(v) ? Number(v) : undefined;
}

/** byCreationTimestamp is controller.ReplicaSetsByCreationTimestamp: oldest first, then by name. */
export function byCreationTimestamp(a: KubeObject, b: KubeObject): number {
  const ta = a.metadata.creationTimestamp ?? '';
  const tb = b.metadata.creationTimestamp ?? '';
  if (ta !== tb) return ta < tb ? -1 : 1;
  const na = a.metadata.name ?? '';
  const nb = b.metadata.name ?? '';
  return na < nb ? -1 : na > nb ? 1 : 0;
}

/** bySizeNewer is controller.ReplicaSetsBySizeNewer: larger first, ties newest first (used when scaling up). */
export function bySizeNewer(a: ReplicaSetObject, b: ReplicaSetObject): number {
  if (specReplicas(a) === specReplicas(b)) return byCreationTimestamp(b, a);
  return specReplicas(b) - specReplicas(a);
}

/** bySizeOlder is controller.ReplicaSetsBySizeOlder: larger first, ties oldest first (used when scaling down). */
export function bySizeOlder(a: ReplicaSetObject, b: ReplicaSetObject): number {
  if (specReplicas(a) === specReplicas(b)) return byCreationTimestamp(a, b);
  return specReplicas(b) - specReplicas(a);
}

/** byRevision is ReplicaSetsByRevision: lowest revision first, creation time (then name) breaking ties and errors. */
export function byRevision(a: ReplicaSetObject, b: ReplicaSetObject): number {
  const ra = revision(a);
  const rb = revision(b);
  if (ra === undefined || rb === undefined || ra === rb) return byCreationTimestamp(a, b);
  return ra - rb;
}

/** filterActiveReplicaSets keeps the ReplicaSets that want at least one pod (controller.FilterActiveReplicaSets). */
export function filterActiveReplicaSets(rss: readonly (ReplicaSetObject | undefined)[]): ReplicaSetObject[] {
  return rss.filter((rs): rs is ReplicaSetObject => rs !== undefined && specReplicas(rs) > 0);
}

/**
 * equalIgnoreHash compares two pod templates semantically, ignoring the pod-template-hash label: the hash would
 * change with API changes, and a Deployment's own template never carries it.
 */
export function equalIgnoreHash(t1: PodTemplateSpec | undefined, t2: PodTemplateSpec | undefined): boolean {
  return semanticJsonIgnoreHash(t1) === semanticJsonIgnoreHash(t2);
}

/**
 * Stored objects are frozen, so a stored template's canonical form never changes: remember it. The Deployment
 * controller compares its template with every ReplicaSet's several times per sync, and syncs after every change.
 */
const canonicalTemplates = new WeakMap<PodTemplateSpec, string>();

function semanticJsonIgnoreHash(template: PodTemplateSpec | undefined): string {
  if (!template || !Object.isFrozen(template)) return semanticJson(withoutHashLabel(template));
  let json = canonicalTemplates.get(template);
  if (json === undefined) canonicalTemplates.set(template, (json = semanticJson(withoutHashLabel(template))));
  return json;
}

/** withoutHashLabel returns a copy of the template without the pod-template-hash label. */
export function withoutHashLabel(template: PodTemplateSpec | undefined): PodTemplateSpec {
  const copy = deepCopy(template ?? {}) as PodTemplateSpec;
  if (copy.metadata?.labels) delete copy.metadata.labels[DEFAULT_DEPLOYMENT_UNIQUE_LABEL_KEY];
  return copy;
}

/**
 * findNewReplicaSet returns the ReplicaSet whose template equals the Deployment's. If several do (issue #40415), the
 * oldest wins, deterministically.
 */
export function findNewReplicaSet(d: DeploymentObject, rsList: readonly ReplicaSetObject[]): ReplicaSetObject | undefined {
  return [...rsList].sort(byCreationTimestamp).find((rs) => equalIgnoreHash(rs.spec?.template, d.spec.template));
}

/**
 * findOldReplicaSets returns the old ReplicaSets: first those that still want pods, then all of them (the new
 * ReplicaSet excluded from both).
 */
export function findOldReplicaSets(d: DeploymentObject, rsList: readonly ReplicaSetObject[]): [ReplicaSetObject[], ReplicaSetObject[]] {
  const newRS = findNewReplicaSet(d, rsList);
  const all = rsList.filter((rs) => !newRS || rs.metadata.uid !== newRS.metadata.uid);
  return [all.filter((rs) => specReplicas(rs) !== 0), all];
}

/**
 * findActiveOrLatest returns the only active ReplicaSet, or the newest one when none is active; undefined when
 * several are active (they must be scaled proportionally).
 */
export function findActiveOrLatest(newRS: ReplicaSetObject | undefined, oldRSs: readonly ReplicaSetObject[]): ReplicaSetObject | undefined {
  if (!newRS && oldRSs.length === 0) return undefined;
  const newestFirst = [...oldRSs].sort((a, b) => byCreationTimestamp(b, a));
  const active = filterActiveReplicaSets([...newestFirst, newRS]);
  if (active.length === 0) return newRS ?? newestFirst[0];
  return active.length === 1 ? active[0] : undefined;
}

/** semanticJson is the canonical form equality.Semantic.DeepEqual sees: empty lists and maps equal absent ones. */
function semanticJson(value: unknown): string {
  return JSON.stringify(normalise(value)) ?? 'null';
}

function normalise(value: unknown): unknown {
  if (Array.isArray(value)) return value.length === 0 ? undefined : value.map(normalise);
  if (value === null || typeof value !== 'object') return value ?? undefined;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const v = normalise((value as Record<string, unknown>)[key]);
    if (v === undefined) continue;
    if (MAP_FIELDS.has(key) && typeof v === 'object' && Object.keys(v as object).length === 0) continue;
    out[key] = v;
  }
  return out;
}

/** Fields that are Go maps (nil and empty compare equal); other empty objects are structs and stay. */
const MAP_FIELDS = new Set(['labels', 'annotations', 'nodeSelector']);
