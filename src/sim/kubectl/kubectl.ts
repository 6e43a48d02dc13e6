// Mirrors kubectl's root command (k8s.io/kubectl/pkg/cmd/cmd.go), cobra's command lookup (Find, stripFlags,
// legacyArgs, SuggestionsFor) and kubectl's help templates (pkg/util/templates); leaves out plugins, completion and
// the `kubectl options` page.
import { CommandLineError, parseFlags, splitCommandLine, type FlagSpec } from './commandLine';
import { GLOBAL_FLAGS } from './flags';
import { renderRootHelp, renderVerbHelp } from './help';
import { failed, KubectlError, ok, type KubectlContext, type KubectlResult, type Verb } from './verb';
import { VERBS } from './verbs/index';

/**
 * runKubectl runs one kubectl command line (with or without the leading `kubectl`) against the context and returns
 * what kubectl would print and its exit code. It never throws for user errors.
 */
export function runKubectl(ctx: KubectlContext, line: string, verbs: readonly Verb[] = VERBS): KubectlResult {
  let words: string[];
  try {
    words = splitCommandLine(line);
  } catch (err) {
    // The shell, not kubectl, rejects an unclosed quote.
    return { stdout: '', stderr: `${(err as Error).message}\n`, exitCode: 2 };
  }
  if (words[0] === 'kubectl') words.shift();
  else if (words.length === 0) return ok('');

  const path: Verb[] = [];
  let candidates = verbs;
  let rest = words;
  let flagSpecs = GLOBAL_FLAGS;
  for (;;) {
    const index = firstPositional(rest, flagSpecs);
    if (index < 0) break;
    const name = rest[index];
    if (path.length === 0 && name === 'help') return helpFor(verbs, rest.slice(index + 1));
    const verb = candidates.find((v) => v.name === name || v.aliases?.includes(name));
    if (!verb) {
      if (path.length === 0) return failed(new KubectlError(`unknown command ${JSON.stringify(name)} for "kubectl"${suggestions(name, verbs)}`));
      break;
    }
    path.push(verb);
    rest = [...rest.slice(0, index), ...rest.slice(index + 1)];
    flagSpecs = [...GLOBAL_FLAGS, ...verb.flags];
    if (!verb.subcommands) break;
    candidates = verb.subcommands;
  }

  const commandPath = ['kubectl', ...path.map((v) => v.name)].join(' ');
  const verb = path[path.length - 1];
  let args;
  try {
    args = parseFlags(rest, flagSpecs);
  } catch (err) {
    if (!(err instanceof CommandLineError)) throw err;
    return failed(new KubectlError(`${err.message}\nSee '${commandPath} --help' for usage.`));
  }
  if (!verb) return ok(renderRootHelp(verbs));
  if (args.bool('help') || !verb.run) return ok(renderVerbHelp(commandPath, verb));
  try {
    return verb.run(ctx, args);
  } catch (err) {
    return failed(err);
  }
}

/** helpFor is `kubectl help [command...]`. */
function helpFor(verbs: readonly Verb[], names: readonly string[]): KubectlResult {
  let candidates = verbs;
  const path: Verb[] = [];
  for (const name of names) {
    const verb = candidates.find((v) => v.name === name || v.aliases?.includes(name));
    if (!verb) {
      if (path.length === 0) return failed(new KubectlError(`unknown help topic ${JSON.stringify(names.join(' '))}`));
      break;
    }
    path.push(verb);
    candidates = verb.subcommands ?? [];
  }
  if (path.length === 0) return ok(renderRootHelp(verbs));
  return ok(renderVerbHelp(['kubectl', ...path.map((v) => v.name)].join(' '), path[path.length - 1]));
}

/**
 * firstPositional is cobra's stripFlags: the index of the first word that is not a flag or a flag's value. A flag
 * it does not know is assumed to take a value, as cobra assumes.
 */
function firstPositional(words: readonly string[], specs: readonly FlagSpec[]): number {
  const takesValue = (word: string) => {
    if (word.includes('=')) return false;
    const spec = word.startsWith('--')
      ? specs.find((s) => s.name === word.slice(2).replaceAll('_', '-'))
      : word.length === 2
        ? specs.find((s) => s.shorthand === word[1])
        : undefined;
    if (word.startsWith('--')) return !spec || (spec.type !== 'bool' && spec.noOptDefVal === undefined);
    return word.length === 2 && (!spec || (spec.type !== 'bool' && spec.noOptDefVal === undefined));
  };
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (word === '--') return -1;
    if (word.length < 2 || word[0] !== '-') return i;
    if (takesValue(word)) i++;
  }
  return -1;
}

/** suggestions is cobra's findSuggestions: commands within Levenshtein distance 2, or that start with the typo. */
function suggestions(typed: string, verbs: readonly Verb[]): string {
  const lower = typed.toLowerCase();
  const names = verbs
    .map((v) => v.name)
    .filter((name) => levenshtein(lower, name.toLowerCase()) <= 2 || name.toLowerCase().startsWith(lower))
    .sort();
  return names.length === 0 ? '' : `\n\nDid you mean this?\n${names.map((n) => `\t${n}\n`).join('')}`;
}

function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
