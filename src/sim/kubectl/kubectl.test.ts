import { describe, expect, it } from 'vitest';
import { createCluster } from '../index';
import { flags } from './flags';
import { runKubectl } from './kubectl';
import { contextFor } from './testContext';
import { KubectlError, lines, namespaceOf, ok, type Verb } from './verb';

// A verb that echoes what it was given, so dispatch can be checked apart from any real verb.
const echo: Verb = {
  name: 'echo',
  aliases: ['e'],
  short: 'Print the arguments',
  group: 'Basic Commands (Beginner)',
  flags: [flags.allNamespaces, flags.output],
  run: (ctx, args) => ok(lines([`ns=${namespaceOf(ctx, args)} A=${args.bool('all-namespaces')} o=${args.string('output')} args=${args.positionals.join(',')}`])),
};
const fail: Verb = { name: 'fail', short: 'Fail', flags: [], run: () => { throw new KubectlError('it failed'); } };
const rollout: Verb = {
  name: 'rollout',
  short: 'Manage the rollout of a resource',
  group: 'Deploy Commands',
  flags: [],
  subcommands: [{ name: 'status', short: 'Show the status of the rollout', flags: [flags.watch], run: (_, args) => ok(lines([`status ${args.positionals.join(' ')} w=${args.bool('watch')}`])) }],
};
const VERBS = [echo, fail, rollout];
const ctx = contextFor(createCluster({ seed: 1, kubelets: false, controllers: false }));
const run = (line: string) => runKubectl(ctx, line, VERBS);

describe('runKubectl finds the verb and parses its flags', () => {
  it.each([
    ['the leading kubectl is optional', 'echo pods', 'ns=default A=false o= args=pods\n'],
    ['with the leading kubectl', 'kubectl echo pods', 'ns=default A=false o= args=pods\n'],
    ['an alias finds the verb', 'kubectl e x', 'ns=default A=false o= args=x\n'],
    ['-n before the verb is a global flag', 'kubectl -n kube-system echo pods', 'ns=kube-system A=false o= args=pods\n'],
    ['--namespace=x before the verb', 'kubectl --namespace=x echo pods', 'ns=x A=false o= args=pods\n'],
    ['flags after positionals', 'kubectl echo pods -A -o wide', 'ns=default A=true o=wide args=pods\n'],
    ['-n with an empty value falls back to the context namespace', 'kubectl echo -n "" pods', 'ns=default A=false o= args=pods\n'],
    ['a subcommand and its own flags', 'kubectl rollout status deploy/web -w', 'status deploy/web w=true\n'],
  ])('%s', (_, line, stdout) => {
    expect(run(line)).toEqual({ stdout, stderr: '', exitCode: 0 });
  });

  it('an empty line prints nothing', () => {
    expect(run('   ')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
  });

  it('an unknown command suggests close commands, as cobra does', () => {
    expect(run('kubectl ech pods')).toEqual({
      stdout: '',
      stderr: 'error: unknown command "ech" for "kubectl"\n\nDid you mean this?\n\techo\n',
      exitCode: 1,
    });
    expect(run('kubectl zzzzzz')).toEqual({ stdout: '', stderr: 'error: unknown command "zzzzzz" for "kubectl"\n', exitCode: 1 });
  });

  it('an unknown flag names the command to ask for help', () => {
    expect(run('kubectl echo --foo')).toEqual({
      stdout: '',
      stderr: "error: unknown flag: --foo\nSee 'kubectl echo --help' for usage.\n",
      exitCode: 1,
    });
    expect(run('kubectl echo -z')).toEqual({
      stdout: '',
      stderr: "error: unknown shorthand flag: 'z' in -z\nSee 'kubectl echo --help' for usage.\n",
      exitCode: 1,
    });
    expect(run('kubectl --foo').stderr).toBe("error: unknown flag: --foo\nSee 'kubectl --help' for usage.\n");
  });

  it('a flag the verb does not declare is unknown to it', () => {
    expect(run('kubectl fail -A').stderr).toBe("error: unknown shorthand flag: 'A' in -A\nSee 'kubectl fail --help' for usage.\n");
    expect(run('kubectl fail --all-namespaces').stderr).toBe("error: unknown flag: --all-namespaces\nSee 'kubectl fail --help' for usage.\n");
  });

  it('a KubectlError from a verb prints as error: and exits 1', () => {
    expect(run('kubectl fail')).toEqual({ stdout: '', stderr: 'error: it failed\n', exitCode: 1 });
  });

  it('an unclosed quote is rejected by the shell with exit code 2', () => {
    expect(run(`kubectl echo 'x`)).toEqual({ stdout: '', stderr: "unexpected EOF while looking for matching `''\n", exitCode: 2 });
  });
});

describe('help', () => {
  const ROOT = [
    'kubectl controls the Kubernetes cluster manager.',
    '',
    ' Find more information at: https://kubernetes.io/docs/reference/kubectl/',
    '',
    'Basic Commands (Beginner):',
    '  echo        Print the arguments',
    '',
    'Deploy Commands:',
    '  rollout     Manage the rollout of a resource',
    '',
    'Other Commands:',
    '  fail        Fail',
    '',
    'Usage:',
    '  kubectl [flags] [options]',
    '',
    'Use "kubectl <command> --help" for more information about a given command.',
    '',
  ].join('\n');

  it.each([['kubectl'], ['kubectl --help'], ['kubectl -h'], ['kubectl help']])('%s prints the command groups', (line) => {
    expect(run(line)).toEqual({ stdout: ROOT, stderr: '', exitCode: 0 });
  });

  it('kubectl <verb> --help prints its description, options and usage', () => {
    expect(run('kubectl echo --help').stdout).toBe(
      [
        'Print the arguments.',
        '',
        'Options:',
        '    -A, --all-namespaces=false:',
        `\t${flags.allNamespaces.usage}`,
        '',
        "    -o, --output='':",
        `\t${flags.output.usage}`,
        '',
        'Usage:',
        '  kubectl echo [flags] [options]',
        '',
      ].join('\n'),
    );
    expect(run('kubectl help echo').stdout).toBe(run('kubectl echo -h').stdout);
  });

  it('a verb with subcommands and no run of its own lists them', () => {
    expect(run('kubectl rollout').stdout).toBe(
      [
        'Manage the rollout of a resource.',
        '',
        'Available Commands:',
        '  status      Show the status of the rollout',
        '',
        'Usage:',
        '  kubectl rollout [command] [flags] [options]',
        '',
      ].join('\n'),
    );
  });
});
