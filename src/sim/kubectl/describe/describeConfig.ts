// Mirrors k8s.io/kubectl/pkg/describe/describe.go ConfigMapDescriber, describeSecret (values never shown, only their
// size, except a service account token) and describeServiceAccount.
import type { ConfigMap, Secret, ServiceAccount } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/object';
import type { DescriberSettings } from './describer';
import { describeEvents, refOf, searchEvents } from './eventsTable';
import { byteOrder, printAnnotationsMultiline, printLabelsMultiline } from './multiline';
import { LEVEL_0, tabbedString, type PrefixWriter } from './prefixWriter';

function header(w: PrefixWriter, obj: KubeObject): void {
  w.write(LEVEL_0, `Name:\t${obj.metadata.name ?? ''}\n`);
  w.write(LEVEL_0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', obj.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations);
}

/** base64Length is the number of bytes a base64 string (as stored for Secret data and binaryData) decodes to. */
function base64Length(encoded: string): number {
  const padding = encoded.endsWith('==') ? 2 : encoded.endsWith('=') ? 1 : 0;
  return Math.floor((encoded.length * 3) / 4) - padding;
}

export function describeConfigMap(obj: KubeObject, settings: DescriberSettings): string {
  const cm = obj as ConfigMap & KubeObject;
  const events = settings.showEvents ? searchEvents(settings.client, refOf(cm)) : undefined;
  return tabbedString((w) => {
    header(w, cm);
    w.write(LEVEL_0, '\nData\n====\n');
    for (const key of Object.keys(cm.data ?? {}).sort(byteOrder)) {
      w.write(LEVEL_0, `${key}:\n----\n`);
      w.write(LEVEL_0, `${cm.data![key]}\n`);
      w.write(LEVEL_0, '\n');
    }
    w.write(LEVEL_0, '\nBinaryData\n====\n');
    for (const key of Object.keys(cm.binaryData ?? {}).sort(byteOrder)) w.write(LEVEL_0, `${key}: ${base64Length(cm.binaryData![key])} bytes\n`);
    w.write(LEVEL_0, '\n');
    if (events) describeEvents(events, w, settings.now);
  });
}

export function describeSecret(obj: KubeObject): string {
  const secret = obj as Secret & KubeObject;
  return tabbedString((w) => {
    header(w, secret);
    w.write(LEVEL_0, `\nType:\t${secret.type ?? ''}\n`);
    w.write(LEVEL_0, '\nData\n====\n');
    for (const key of Object.keys(secret.data ?? {}).sort(byteOrder)) {
      const value = secret.data![key];
      // A service account token is meant to be copied, so describe shows it.
      if (key === 'token' && secret.type === 'kubernetes.io/service-account-token') w.write(LEVEL_0, `${key}:\t${atob(value)}\n`);
      else w.write(LEVEL_0, `${key}:\t${base64Length(value)} bytes\n`);
    }
  });
}

export function describeServiceAccount(obj: KubeObject, settings: DescriberSettings): string {
  const sa = obj as ServiceAccount & KubeObject;
  const events = settings.showEvents ? searchEvents(settings.client, refOf(sa)) : undefined;
  return tabbedString((w) => {
    header(w, sa);
    const names = (sa.imagePullSecrets ?? []).map((s) => s.name ?? '');
    if (names.length === 0) w.write(LEVEL_0, 'Image pull secrets:\t<none>\n');
    names.forEach((name, i) => w.write(LEVEL_0, `${i === 0 ? 'Image pull secrets:' : ' '.repeat(19)}\t${name}\n`));
    if (events) describeEvents(events, w, settings.now);
  });
}
