// Mirrors k8s.io/kubectl/pkg/cmd/events/events.go and event_printer.go: events sorted by when they were last seen,
// `--for TYPE/NAME` as an involvedObject field selector, `--types`, and -w printing each event as it is written.
// Leaves out --chunk-size paging (accepted, no effect).
import type { Event } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/object';
import type { VirtualMs } from '../../clock/virtualClock';
import { parseTime } from '../../clock/timeFormat';
import type { ParsedArgs } from '../commandLine';
import { flags } from '../flags';
import { humanDuration } from '../printers/humanDuration';
import { printObject } from '../printers/objectOutput';
import { parseOutputFormat, type OutputFormat } from '../printers/outputFormat';
import { resolveResourceType } from '../resourceArgs';
import { TabWriter } from '../tabwriter';
import { KubectlError, namespaceOf, type KubectlContext, type KubectlOutput, type KubectlResult, type Verb } from '../verb';

type EventObject = Event & KubeObject;

export const eventsVerb: Verb = {
  name: 'events',
  short: 'List events',
  long: 'Display events.\n\n Prints a table of the most important information about events. You can request events for a namespace, for all namespace, or filtered to only those pertaining to a specified resource.',
  group: 'Troubleshooting and Debugging Commands',
  use: 'events [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file] [--for TYPE/NAME] [--watch] [--event=Normal,Warning]',
  example: [
    '  # List recent events in the default namespace',
    '  kubectl events',
    '',
    '  # List recent events in all namespaces',
    '  kubectl events --all-namespaces',
    '',
    '  # List recent events for the specified pod, then wait for more events and list them as they arrive',
    '  kubectl events --for pod/web-pod-13je7 --watch',
    '',
    '  # List recent events in YAML format',
    '  kubectl events -oyaml',
    '',
    '  # List recent only events of type warning or normal',
    '  kubectl events --types=Warning,Normal',
  ].join('\n'),
  flags: [
    { name: 'watch', shorthand: 'w', type: 'bool', usage: 'After listing the requested events, watch for more events.' },
    flags.allNamespaces,
    { name: 'for', type: 'string', usage: 'Filter events to only those pertaining to the specified resource.' },
    { name: 'types', type: 'stringSlice', usage: 'Output only events of given types.' },
    { name: 'no-headers', type: 'bool', usage: "When using the default output format, don't print headers." },
    { name: 'chunk-size', type: 'int', default: 500, usage: 'Return large lists in chunks rather than all at once. Pass 0 to disable.' },
    { ...flags.output, usage: 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).' },
  ],
  run: runEvents,
};

function runEvents(ctx: KubectlContext, args: ParsedArgs): KubectlResult {
  const all = args.bool('all-namespaces');
  const namespace = namespaceOf(ctx, args);
  const fieldSelector = forSelector(ctx, args.string('for'));
  const types = [...new Set(args.strings('types'))].sort();
  for (const t of types) if (t.toLowerCase() !== 'normal' && t.toLowerCase() !== 'warning') throw new KubectlError('valid --types are Normal or Warning');
  const wanted = (e: EventObject) => types.length === 0 || types.some((t) => t.toLowerCase() === (e.type ?? '').toLowerCase());
  const format = args.string('output') ? parseOutputFormat(args.string('output')) : undefined;
  const printer = new EventPrinter(ctx, args.bool('no-headers'), all, format);
  const listed = ctx.client.list<EventObject>('Event', { namespace: all ? undefined : namespace, fieldSelector }).filter(wanted);

  if (args.bool('watch')) {
    // A watch from no resourceVersion starts with every existing event, unsorted, then follows new writes.
    const stdout = listed.map((e) => printer.print([e])).join('');
    const matches = (e: EventObject) => (all || e.metadata.namespace === namespace) && wanted(e) && matchesFor(e, fieldSelector);
    return {
      stdout,
      stderr: '',
      exitCode: 0,
      stream: {
        onEvent: (handler: (output: KubectlOutput) => void) =>
          ctx.client.watch<EventObject>('Event', (event) => {
            // Events expire after an hour; kubectl does not print their deletion.
            if (event.type === 'DELETED' || !matches(event.object)) return;
            handler({ stdout: printer.print([event.object]), stderr: '' });
          }),
      },
    };
  }
  if (listed.length === 0) return { stdout: '', stderr: all ? 'No events found.\n' : `No events found in ${namespace} namespace.\n`, exitCode: 0 };
  const sorted = listed
    .map((e, i) => ({ e, i, t: lastSeen(e) }))
    .sort((a, b) => a.t - b.t || a.i - b.i)
    .map(({ e }) => e);
  return { stdout: printer.print(sorted, format !== undefined), stderr: '', exitCode: 0 };
}

/** forSelector turns `--for pod/x` into the involvedObject field selector; undefined without --for. */
function forSelector(ctx: KubectlContext, forObject: string): string | undefined {
  if (!forObject) return undefined;
  if (!forObject.includes('/')) throw new KubectlError('--for must be in resource/name form');
  const parts = forObject.split('/');
  if (parts.length !== 2) throw new KubectlError('arguments in resource/name form may not have more than one slash');
  const spec = resolveResourceType(ctx.registry, parts[0]!);
  return `involvedObject.kind=${spec.kind},involvedObject.name=${parts[1]}`;
}

function matchesFor(e: EventObject, fieldSelector: string | undefined): boolean {
  if (!fieldSelector) return true;
  const [kind, name] = fieldSelector.split(',').map((term) => term.split('=')[1]);
  return e.involvedObject.kind === kind && e.involvedObject.name === name;
}

/** lastSeen is the sort key of SortableEvents: the series' last observation, else lastTimestamp, else eventTime. */
function lastSeen(e: EventObject): VirtualMs {
  return parseTime(e.series?.lastObservedTime ?? e.lastTimestamp ?? e.eventTime) ?? 0;
}

/** EventPrinter is kubectl events' printer: one tabwriter for the whole command, the header before the first row. */
class EventPrinter {
  private readonly writer = new TabWriter();
  private headerPrinted = false;
  private printed = 0;

  constructor(
    private readonly ctx: KubectlContext,
    private readonly noHeaders: boolean,
    private readonly allNamespaces: boolean,
    private readonly format: OutputFormat | undefined,
  ) {}

  /** print prints events as a table, or with -o as one EventList (asList) or event by event. */
  print(events: readonly EventObject[], asList = false): string {
    if (this.format) {
      const opts = { nameOf, singleItem: true, noHeaders: this.noHeaders };
      if (asList && this.format.kind !== 'name') {
        const list = { apiVersion: 'v1', kind: 'EventList', metadata: {}, items: events.map(withTypeMeta) };
        return printObject(this.format, list as unknown as KubeObject, 0, opts);
      }
      return events.map((e) => printObject(this.format!, withTypeMeta(e), this.printed++, opts)).join('');
    }
    if (!this.noHeaders && !this.headerPrinted) {
      this.writer.write(`${this.allNamespaces ? 'NAMESPACE\t' : ''}LAST SEEN\tTYPE\tREASON\tOBJECT\tMESSAGE\n`);
      this.headerPrinted = true;
    }
    for (const e of events) {
      const cells = [interval(e, this.ctx.now()), cell(e.type), cell(e.reason), `${cell(e.involvedObject.kind)}/${cell(e.involvedObject.name)}`, cell((e.message ?? '').trim())];
      this.writer.write(`${this.allNamespaces ? `${e.metadata.namespace}\t` : ''}${cells.join('\t')}\n`);
    }
    return this.writer.flush();
  }
}

/**
 * interval is getInterval: `5s`, or `5s (x3 over 2m)` for a repeated event. The first sighting is read from
 * firstTimestamp, as for events of the core/v1 recorder (Kubeplay's recorder also moves eventTime on repeats).
 */
function interval(e: EventObject, now: VirtualMs): string {
  const since = (stamp: string | undefined) => {
    const t = parseTime(stamp);
    return t === undefined ? '<unknown>' : humanDuration(now - t);
  };
  const first = since(e.firstTimestamp ?? e.eventTime);
  if (e.series) return `${since(e.series.lastObservedTime)} (x${e.series.count} over ${first})`;
  if ((e.count ?? 0) > 1) return `${since(e.lastTimestamp)} (x${e.count} over ${first})`;
  return first;
}

/** cell is escapeCell: a value is cut at its first line break, with `...` after it. */
function cell(value: string | undefined): string {
  const text = value ?? '';
  const cut = text.search(/[\f\n\r]/);
  return cut >= 0 ? `${text.slice(0, cut)}...` : text;
}

function withTypeMeta(e: EventObject): EventObject {
  return e.apiVersion && e.kind ? e : { ...e, apiVersion: 'v1', kind: 'Event' };
}

function nameOf(obj: KubeObject): string {
  return `event/${obj.metadata.name ?? ''}`;
}
