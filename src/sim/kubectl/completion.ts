// Mirrors what `kubectl completion` offers through cobra's __complete (k8s.io/kubectl/pkg/cmd/util/completion.go:
// ResourceTypeAndNameCompletionFunc, ResourceNameCompletionFunc, PodResourceNameCompletionFunc, and the flag
// completions of -n, -o, --context...). Leaves out completion of explain's field paths and of kubeconfig names.
import type { KubeObject } from '../api/object';
import { CommandLineError, splitCommandLine, type FlagSpec } from './commandLine';
import { GLOBAL_FLAGS } from './flags';
import type { KubectlContext, Verb } from './verb';
import { VERBS } from './verbs/index';

/** Verbs whose first argument is a resource type (or TYPE/NAME) and the next ones names of that type. */
const TYPE_THEN_NAMES = new Set(['get', 'describe', 'delete', 'edit', 'label', 'annotate', 'patch', 'explain', 'wait', 'status', 'history', 'undo', 'restart', 'pause', 'resume', 'image', 'resources', 'env', 'scale', 'autoscale', 'expose']);
/** Verbs whose arguments are pods (or TYPE/NAME of a workload). */
const POD_VERBS = new Set(['logs', 'exec', 'attach', 'port-forward', 'cp', 'pod']);
/** Verbs whose arguments are nodes. */
const NODE_VERBS = new Set(['cordon', 'uncordon', 'drain', 'taint', 'node']);
/** The values kubectl offers for -o (cmdutil's printer flags). */
const OUTPUT_FORMATS = ['custom-columns=', 'custom-columns-file=', 'go-template=', 'go-template-file=', 'json', 'jsonpath=', 'jsonpath-as-json=', 'jsonpath-file=', 'name', 'template=', 'templatefile=', 'wide', 'yaml'];

/**
 * completeKubectl lists the completions of the last word of a command line (an empty word when the line ends with a
 * space): commands and subcommands, resource types, object names, node and pod names, flag names and their values.
 * Sorted and without repeats.
 */
export function completeKubectl(ctx: KubectlContext, line: string, verbs: readonly Verb[] = VERBS): string[] {
  let words: string[];
  try {
    words = splitCommandLine(line);
  } catch (err) {
    if (err instanceof CommandLineError) return [];
    throw err;
  }
  const typing = /\s$/.test(line) || words.length === 0 ? '' : words.pop()!;
  if (words[0] === 'kubectl') words.shift();
  const { path, positionals, flags, values, previousFlag } = walk(words, verbs);
  const verb = path.at(-1);
  const namespace = values.get('namespace') || ctx.namespace || 'default';
  const allNamespaces = values.has('all-namespaces');
  const names = (kind: string) => objectNames(ctx, kind, allNamespaces ? undefined : namespace);

  let candidates: string[];
  if (previousFlag) candidates = flagValues(ctx, previousFlag, verb, positionals, namespace);
  else if (typing.startsWith('-')) {
    const eq = typing.indexOf('=');
    if (eq > 0) {
      const spec = flags.find((f) => `--${f.name}` === typing.slice(0, eq) || `-${f.shorthand}` === typing.slice(0, eq));
      candidates = spec ? flagValues(ctx, spec, verb, positionals, namespace).map((v) => `${typing.slice(0, eq + 1)}${v}`) : [];
    } else candidates = flagNames(flags, typing);
  } else if (!verb) candidates = positionals.length === 0 ? verbs.map((v) => v.name) : [];
  else if (verb.subcommands && positionals.length === 0) candidates = verb.subcommands.map((v) => v.name);
  else if (NODE_VERBS.has(verb.name)) candidates = names('Node');
  else if (POD_VERBS.has(verb.name)) candidates = typing.includes('/') ? typedNames(ctx, typing, namespace, allNamespaces) : positionals.length === 0 ? names('Pod') : [];
  else if (TYPE_THEN_NAMES.has(verb.name)) {
    if (typing.includes('/')) candidates = typedNames(ctx, typing, namespace, allNamespaces);
    else if (positionals.length === 0) candidates = resourceTypes(ctx);
    else {
      const spec = ctx.registry.forResource(positionals[0]!);
      candidates = spec ? names(spec.kind) : [];
    }
  } else candidates = [];
  return [...new Set(candidates.filter((c) => c.startsWith(typing)))].sort();
}

interface Walked {
  /** The verb and subcommands named so far. */
  path: Verb[];
  positionals: string[];
  /** The flags the command accepts. */
  flags: FlagSpec[];
  /** Flag values given so far, by long name. */
  values: Map<string, string>;
  /** The flag whose value is being typed, when the last word was a flag that takes one. */
  previousFlag?: FlagSpec;
}

/** walk reads the words typed before the current one as runKubectl would: verbs, flags with their values, arguments. */
function walk(words: readonly string[], verbs: readonly Verb[]): Walked {
  const path: Verb[] = [];
  const positionals: string[] = [];
  const values = new Map<string, string>();
  let flags: FlagSpec[] = [...GLOBAL_FLAGS];
  let candidates: readonly Verb[] = verbs;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (word.startsWith('-') && word.length > 1) {
      const eq = word.indexOf('=');
      const spec = word.startsWith('--')
        ? flags.find((f) => f.name === word.slice(2, eq < 0 ? undefined : eq))
        : flags.find((f) => f.shorthand === word[1]);
      if (!spec) continue;
      if (eq >= 0 || spec.type === 'bool' || spec.noOptDefVal !== undefined || (!word.startsWith('--') && word.length > 2)) {
        values.set(spec.name, eq >= 0 ? word.slice(eq + 1) : word.startsWith('--') ? '' : word.slice(2));
        continue;
      }
      if (i === words.length - 1) return { path, positionals, flags, values, previousFlag: spec };
      values.set(spec.name, words[++i]!);
      continue;
    }
    const next = positionals.length === 0 ? candidates.find((v) => v.name === word || v.aliases?.includes(word)) : undefined;
    if (next) {
      path.push(next);
      flags = [...GLOBAL_FLAGS, ...next.flags];
      candidates = next.subcommands ?? [];
      continue;
    }
    positionals.push(word);
  }
  return { path, positionals, flags, values };
}

function flagNames(flags: readonly FlagSpec[], typing: string): string[] {
  const long = flags.map((f) => `--${f.name}`);
  // A single dash offers the shorthands too; two dashes only long names.
  if (typing.startsWith('--')) return long;
  return [...long, ...flags.filter((f) => f.shorthand).map((f) => `-${f.shorthand}`)];
}

/** flagValues is what a flag's value can be: namespaces, output formats, containers of the pod named. */
function flagValues(ctx: KubectlContext, flag: FlagSpec, verb: Verb | undefined, positionals: readonly string[], namespace: string): string[] {
  switch (flag.name) {
    case 'namespace':
      return objectNames(ctx, 'Namespace', undefined);
    case 'output':
      return verb?.name === 'explain' ? ['plaintext', 'plaintext-openapiv2'] : OUTPUT_FORMATS;
    case 'sort-by':
      return verb?.name === 'pod' || verb?.name === 'node' ? ['cpu', 'memory'] : [];
    case 'types':
      return ['Normal', 'Warning'];
    case 'container': {
      const pod = positionals[0] && !positionals[0].includes('/') ? ctx.client.get('Pod', namespace, positionals[0]) : undefined;
      const spec = (pod as { spec?: { containers?: { name: string }[]; initContainers?: { name: string }[] } } | undefined)?.spec;
      return [...(spec?.containers ?? []), ...(spec?.initContainers ?? [])].map((c) => c.name);
    }
    case 'for':
      return resourceTypes(ctx).map((t) => `${t}/`);
    default:
      return [];
  }
}

/** resourceTypes is every name a type can be typed as: plural, singular and short names. */
function resourceTypes(ctx: KubectlContext): string[] {
  return ctx.registry.all().flatMap((spec) => [spec.plural, spec.kind.toLowerCase(), ...(spec.shortNames ?? [])]);
}

/** typedNames completes `TYPE/NA` with the names of that type, keeping the type as typed. */
function typedNames(ctx: KubectlContext, typing: string, namespace: string, allNamespaces: boolean): string[] {
  const type = typing.slice(0, typing.indexOf('/'));
  const spec = ctx.registry.forResource(type);
  if (!spec) return [];
  return objectNames(ctx, spec.kind, allNamespaces ? undefined : namespace).map((name) => `${type}/${name}`);
}

/** objectNames are the names of a kind's objects in the namespace (all of them for cluster-scoped kinds). */
function objectNames(ctx: KubectlContext, kind: string, namespace: string | undefined): string[] {
  const spec = ctx.registry.forKind(kind);
  if (!spec) return [];
  return ctx.client.list<KubeObject>(kind, { namespace: spec.namespaced ? namespace : undefined }).map((o) => o.metadata.name ?? '');
}
