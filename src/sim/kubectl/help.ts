// Mirrors kubectl's help templates (k8s.io/kubectl/pkg/util/templates/templater.go, help_flags_printer.go) and the
// command groups of pkg/cmd/cmd.go; leaves out word wrapping to the terminal width and the global options page.
import type { FlagSpec } from './commandLine';
import type { Verb } from './verb';

/** GROUP_ORDER is the order of kubectl's command groups in `kubectl --help`; other verbs go under Other Commands. */
const GROUP_ORDER = [
  'Basic Commands (Beginner)',
  'Basic Commands (Intermediate)',
  'Deploy Commands',
  'Cluster Management Commands',
  'Troubleshooting and Debugging Commands',
  'Advanced Commands',
  'Settings Commands',
];

/** COMMAND_ORDER is the order kubectl lists commands within a group (cmd.go); unlisted verbs sort by name. */
const COMMAND_ORDER = [
  'create', 'expose', 'run', 'set',
  'explain', 'get', 'edit', 'delete',
  'rollout', 'scale', 'autoscale',
  'certificate', 'cluster-info', 'top', 'cordon', 'uncordon', 'drain', 'taint',
  'describe', 'logs', 'attach', 'exec', 'port-forward', 'proxy', 'cp', 'auth', 'debug', 'events',
  'diff', 'apply', 'patch', 'replace', 'wait', 'kustomize',
  'label', 'annotate', 'completion',
];

/** renderRootHelp is `kubectl` and `kubectl --help`. */
export function renderRootHelp(verbs: readonly Verb[]): string {
  // cobra's NamePadding: the longest command name, at least 11.
  const pad = Math.max(11, ...verbs.map((v) => v.name.length));
  const groups = [...GROUP_ORDER, 'Other Commands']
    .map((group) => {
      const members = verbs
        .filter((v) => (GROUP_ORDER.includes(v.group ?? '') ? v.group : 'Other Commands') === group)
        .sort(byCommandOrder);
      if (members.length === 0) return '';
      return `${group}:\n${members.map((v) => `  ${v.name.padEnd(pad)} ${v.short}\n`).join('')}`;
    })
    .filter((g) => g !== '');
  return [
    'kubectl controls the Kubernetes cluster manager.\n',
    ' Find more information at: https://kubernetes.io/docs/reference/kubectl/\n',
    ...groups,
    'Usage:\n  kubectl [flags] [options]\n',
    'Use "kubectl <command> --help" for more information about a given command.\n',
  ].join('\n');
}

/** renderVerbHelp is `kubectl <verb> --help`: description, examples, options, usage. */
export function renderVerbHelp(commandPath: string, verb: Verb): string {
  const sections = [`${verb.long ?? `${verb.short}.`}\n`];
  if (verb.subcommands && verb.subcommands.length > 0) {
    const pad = Math.max(11, ...verb.subcommands.map((v) => v.name.length));
    sections.push(`Available Commands:\n${verb.subcommands.map((v) => `  ${v.name.padEnd(pad)} ${v.short}\n`).join('')}`);
  }
  if (verb.example) sections.push(`Examples:\n${verb.example}\n`);
  const options = verb.flags.filter((f) => f.name !== 'help').sort((a, b) => a.name.localeCompare(b.name));
  if (options.length > 0) sections.push(`Options:\n${options.map(flagUsage).join('\n')}`);
  const use = verb.use ?? `${verb.name}${verb.subcommands ? ' [command]' : ''} [flags]`;
  const prefix = commandPath.slice(0, commandPath.length - verb.name.length);
  sections.push(`Usage:\n  ${prefix}${use} [options]\n`);
  return sections.join('\n');
}

function flagUsage(flag: FlagSpec): string {
  const names = flag.shorthand ? `-${flag.shorthand}, --${flag.name}` : `--${flag.name}`;
  return `    ${names}=${defaultText(flag)}:\n\t${flag.usage}\n`;
}

function defaultText(flag: FlagSpec): string {
  const value = flag.default;
  switch (flag.type) {
    case 'bool':
      return String(value ?? false);
    case 'int':
      return String(value ?? 0);
    case 'string':
      return `'${(value as string | undefined) ?? ''}'`;
    default:
      return `[${((value as string[] | undefined) ?? []).join(',')}]`;
  }
}

function byCommandOrder(a: Verb, b: Verb): number {
  const rank = (v: Verb) => {
    const i = COMMAND_ORDER.indexOf(v.name);
    return i < 0 ? COMMAND_ORDER.length : i;
  };
  return rank(a) - rank(b) || a.name.localeCompare(b.name);
}
