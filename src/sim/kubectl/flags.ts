// Mirrors the flag definitions kubectl's commands share (k8s.io/cli-runtime genericclioptions, kubectl
// pkg/cmd/util/helpers.go AddLabelSelectorFlagVar and friends), with upstream's usage text.
import type { FlagSpec } from './commandLine';

/**
 * flags holds the FlagSpecs several verbs declare, so `-l` or `-A` mean the same everywhere. In kubectl only
 * --namespace is global; the others belong to the commands that list them, and a verb that does not list a flag
 * rejects it (`kubectl apply -w` is `error: unknown flag: --watch`).
 */
export const flags = {
  namespace: {
    name: 'namespace',
    shorthand: 'n',
    type: 'string',
    usage: 'If present, the namespace scope for this CLI request',
  },
  help: { name: 'help', shorthand: 'h', type: 'bool', usage: 'help for this command' },
  allNamespaces: {
    name: 'all-namespaces',
    shorthand: 'A',
    type: 'bool',
    usage: 'If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.',
  },
  output: {
    name: 'output',
    shorthand: 'o',
    type: 'string',
    usage: 'Output format. One of: (json, yaml, name, jsonpath, custom-columns, wide).',
  },
  selector: {
    name: 'selector',
    shorthand: 'l',
    type: 'string',
    usage: "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints.",
  },
  fieldSelector: {
    name: 'field-selector',
    type: 'string',
    usage: "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type.",
  },
  showLabels: {
    name: 'show-labels',
    type: 'bool',
    usage: 'When printing, show all labels as the last column (default hide labels column)',
  },
  labelColumns: {
    name: 'label-columns',
    shorthand: 'L',
    type: 'stringSlice',
    usage: 'Accepts a comma separated list of labels that are going to be presented as columns. Names are case-sensitive. You can also use multiple flag options like -L label1 -L label2...',
  },
  noHeaders: {
    name: 'no-headers',
    type: 'bool',
    usage: "When using the default or custom-column output format, don't print headers (default print headers).",
  },
  sortBy: {
    name: 'sort-by',
    type: 'string',
    usage: "If non-empty, sort list types using this field specification.  The field specification is expressed as a JSONPath expression (e.g. '{.metadata.name}'). The field in the API resource specified by this JSONPath expression must be an integer or a string.",
  },
  watch: {
    name: 'watch',
    shorthand: 'w',
    type: 'bool',
    usage: 'After listing/getting the requested object, watch for changes.',
  },
  watchOnly: {
    name: 'watch-only',
    type: 'bool',
    usage: 'Watch for changes to the requested object(s), without listing/getting first.',
  },
  ignoreNotFound: {
    name: 'ignore-not-found',
    type: 'bool',
    usage: 'If set to true, suppress NotFound error for specific objects that do not exist. Using this flag with commands that query for collections of resources has no effect when no resources are found.',
  },
  filename: {
    name: 'filename',
    shorthand: 'f',
    type: 'stringSlice',
    usage: 'Filename, directory, or URL to files identifying the resource.',
  },
} satisfies Record<string, FlagSpec>;

/** GLOBAL_FLAGS are accepted by every command, before or after the verb. */
export const GLOBAL_FLAGS: readonly FlagSpec[] = [flags.namespace, flags.help];
