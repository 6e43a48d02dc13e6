import { apiVersionOf, type KindSpec } from './kindSpec';

/**
 * KindRegistry answers "which kind is this?" the way the API server's REST mapper does: by apiVersion and kind
 * for manifests, by plural, singular, short name or `resource.group` for kubectl.
 */
export class KindRegistry {
  private readonly byKind = new Map<string, KindSpec>();
  private readonly byResource = new Map<string, KindSpec>();

  constructor(specs: readonly KindSpec[]) {
    for (const spec of specs) {
      this.byKind.set(spec.kind, spec);
      const singular = spec.kind.toLowerCase();
      for (const name of [spec.plural, singular, ...(spec.shortNames ?? [])]) {
        this.byResource.set(name, spec);
        if (spec.group) this.byResource.set(`${name}.${spec.group}`, spec);
      }
    }
  }

  /** forKind finds a kind by its Kind name alone (kinds are unique across the groups Kubeplay serves). */
  forKind(kind: string): KindSpec | undefined {
    return this.byKind.get(kind);
  }

  /** forManifest finds the kind a manifest names, only if it is served at that apiVersion. */
  forManifest(apiVersion: string, kind: string): KindSpec | undefined {
    const spec = this.byKind.get(kind);
    return spec && apiVersionOf(spec) === apiVersion ? spec : undefined;
  }

  /** forResource resolves what a kubectl user types: `deploy`, `deployments`, `deployment.apps`, `po`. */
  forResource(name: string): KindSpec | undefined {
    return this.byResource.get(name.toLowerCase());
  }

  all(): readonly KindSpec[] {
    return [...this.byKind.values()];
  }
}
