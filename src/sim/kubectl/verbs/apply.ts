// Mirrors k8s.io/kubectl/pkg/cmd/apply/apply.go (Validate, Run, the created|configured|unchanged printers) for
// `kubectl apply -f NAME` over an editor tab, through apply/apply.ts applyManifests (client-side apply with the
// last-applied-configuration annotation). Leaves out --server-side, --prune, --dry-run, -k and `-f -`.
import { applyManifests } from '../../apply/apply';
import { KubectlError, usageError, type Verb } from '../verb';
import { filenameFlag } from './manifests';
import { ACTOR } from './operation';

export const applyVerb: Verb = {
  name: 'apply',
  short: 'Apply a configuration to a resource by file name or stdin',
  group: 'Advanced Commands',
  use: 'apply (-f FILENAME | -k DIRECTORY)',
  long: [
    'Apply a configuration to a resource by file name or stdin. The resource name must be specified. This resource will be created if it doesn\'t exist yet. To use \'apply\', always create the resource initially with either \'apply\' or \'create --save-config\'.',
    '',
    ' JSON and YAML formats are accepted.',
  ].join('\n'),
  example: ["  # Apply the configuration in pod.json to a pod", '  kubectl apply -f ./pod.json'].join('\n'),
  flags: [filenameFlag('that contains the configuration to apply')],
  run(ctx, args) {
    const filenames = args.strings('filename');
    if (filenames.length === 0) throw new KubectlError('must specify one of -f and -k');
    if (args.positionals.length > 0) throw usageError('kubectl apply', `Unexpected args: [${args.positionals.join(' ')}]`);
    let stdout = '';
    let stderr = '';
    let objects = 0;
    for (const filename of filenames) {
      const text = ctx.files?.(filename);
      if (text === undefined) throw new KubectlError(`the path ${JSON.stringify(filename)} does not exist`);
      const target = { client: ctx.client, registry: ctx.registry, source: filename, actor: ACTOR, reasonPrefix: `kubectl apply -f ${filename}: ` };
      for (const result of applyManifests(text, target)) {
        if (result.ok) {
          objects++;
          stdout += `${result.message}\n`;
        } else {
          // applyManifests words its errors as kubectl prints them (`error: ...`, `Error from server (...): ...`).
          stderr += `${result.message}\n`;
        }
      }
    }
    if (objects === 0 && stderr === '') throw new KubectlError('no objects passed to apply');
    return { stdout, stderr, exitCode: stderr === '' ? 0 : 1 };
  },
};
