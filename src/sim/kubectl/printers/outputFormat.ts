// Mirrors cli-runtime pkg/genericclioptions (PrintFlags.ToPrinter, JSONPathPrintFlags, the custom-columns flags):
// which -o values kubectl accepts; leaves out go-template and the *-file variants.
import { KubectlError } from '../verb';

/** OutputFormat is a parsed -o value. */
export interface OutputFormat {
  kind: 'table' | 'json' | 'yaml' | 'name' | 'jsonpath' | 'jsonpath-as-json' | 'custom-columns';
  /** -o wide: tables show their priority-1 columns. */
  wide: boolean;
  /** The JSONPath template or custom-columns spec after `=`. */
  template: string;
}

const ALLOWED =
  'custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml';

/** parseOutputFormat reads -o: `wide`, `yaml`, `json`, `name`, `jsonpath=...`, `custom-columns=...`. */
export function parseOutputFormat(output: string): OutputFormat {
  const eq = output.indexOf('=');
  const name = eq < 0 ? output : output.slice(0, eq);
  const template = eq < 0 ? '' : output.slice(eq + 1);
  switch (name) {
    case '':
    case 'wide':
      return { kind: 'table', wide: name === 'wide', template: '' };
    case 'json':
    case 'yaml':
    case 'name':
      return { kind: name, wide: false, template: '' };
    case 'jsonpath':
    case 'jsonpath-as-json':
      if (!template) throw new KubectlError('template format specified but no template given');
      return { kind: name, wide: false, template };
    case 'custom-columns':
      if (!template) throw new KubectlError('custom-columns format specified but no custom columns given');
      return { kind: name, wide: false, template };
    case 'go-template':
    case 'go-template-file':
    case 'template':
    case 'templatefile':
    case 'jsonpath-file':
    case 'custom-columns-file':
      throw new KubectlError(`output format "${name}" is not supported by Kubeplay; use jsonpath or custom-columns`);
    default:
      throw new KubectlError(`unable to match a printer suitable for the output format ${JSON.stringify(output)}, allowed formats are: ${ALLOWED}`);
  }
}
