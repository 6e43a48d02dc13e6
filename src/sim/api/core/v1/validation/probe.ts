// Mirrors validateLivenessProbe, validateReadinessProbe, validateStartupProbe, validateProbe, validateHandler,
// validateHTTPGetAction, ValidatePortNumOrName, validateSleepAction and validateLifecycle in
// pkg/apis/core/validation/validation.go (with AllowPodLifecycleSleepActionZeroValue, on by default since v1.34).
import type { Lifecycle, LifecycleHandler, Probe } from 'kubernetes-types/core/v1';
import { type FieldError, fieldErrors, type PathSegment } from '../../../fieldError';
import { isHTTPHeaderName, isValidPortName, isValidPortNum } from '../../../validation/names';
import { validateNonnegativeField } from '../../../meta/v1/validation';

/** validatePortNumOrName is ValidatePortNumOrName: an IntOrString port is a valid number or a valid name. */
export function validatePortNumOrName(port: number | string | undefined, path: PathSegment[]): FieldError[] {
  if (typeof port === 'string') return isValidPortName(port).map((m) => fieldErrors.invalid(path, port, m));
  return isValidPortNum(port ?? 0).map((m) => fieldErrors.invalid(path, port ?? 0, m));
}

interface CommonHandler {
  exec?: { command?: string[] };
  httpGet?: { path?: string; port: number | string; scheme?: string; httpHeaders?: { name: string }[] };
  tcpSocket?: { port: number | string };
  grpc?: { port: number };
  sleep?: { seconds: number };
}

function validateHandler(handler: CommonHandler, gracePeriod: number | undefined, path: PathSegment[]): FieldError[] {
  const errs: FieldError[] = [];
  let handlers = 0;
  const one = (name: keyof CommonHandler, check: () => FieldError[]): void => {
    if (handler[name] === undefined || handler[name] === null) return;
    if (handlers > 0) {
      errs.push(fieldErrors.forbidden([...path, name], 'may not specify more than 1 handler type'));
      return;
    }
    handlers++;
    errs.push(...check());
  };
  one('exec', () => ((handler.exec!.command ?? []).length === 0 ? [fieldErrors.required([...path, 'exec', 'command'])] : []));
  one('httpGet', () => {
    const http = handler.httpGet!;
    const p = [...path, 'httpGet'];
    const out: FieldError[] = [];
    if (!http.path) out.push(fieldErrors.required([...p, 'path']));
    out.push(...validatePortNumOrName(http.port, [...p, 'port']));
    if (http.scheme !== 'HTTP' && http.scheme !== 'HTTPS') out.push(fieldErrors.notSupported([...p, 'scheme'], http.scheme ?? '', ['HTTP', 'HTTPS']));
    for (const h of http.httpHeaders ?? []) {
      out.push(...isHTTPHeaderName(h.name).map((m) => fieldErrors.invalid([...p, 'httpHeaders'], h.name, m)));
    }
    return out;
  });
  one('tcpSocket', () => validatePortNumOrName(handler.tcpSocket!.port, [...path, 'tcpSocket', 'port']));
  one('grpc', () => validatePortNumOrName(handler.grpc!.port, [...path, 'grpc', 'port']));
  one('sleep', () => {
    const seconds = handler.sleep!.seconds;
    if (gracePeriod === undefined || (seconds >= 0 && seconds <= gracePeriod)) return [];
    return [fieldErrors.invalid([...path, 'sleep'], seconds, `must be non-negative and less than terminationGracePeriodSeconds (${gracePeriod})`)];
  });
  if (handlers === 0) errs.push(fieldErrors.required(path, 'must specify a handler type'));
  return errs;
}

function validateProbe(probe: Probe, path: PathSegment[]): FieldError[] {
  // A probe's handler may not sleep: handlerFromProbe leaves Sleep out.
  const { exec, httpGet, tcpSocket, grpc } = probe;
  const errs = validateHandler({ exec, httpGet, tcpSocket, grpc }, undefined, path);
  for (const field of ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold'] as const) {
    errs.push(...validateNonnegativeField(probe[field] ?? 0, [...path, field]));
  }
  const grace = probe.terminationGracePeriodSeconds;
  if (grace !== undefined && grace <= 0) errs.push(fieldErrors.invalid([...path, 'terminationGracePeriodSeconds'], grace, 'must be greater than 0'));
  return errs;
}

/** validateLivenessProbe is validateLivenessProbe: a liveness probe's successThreshold must be 1. */
export function validateLivenessProbe(probe: Probe | undefined, path: PathSegment[]): FieldError[] {
  if (!probe) return [];
  const errs = validateProbe(probe, path);
  if (probe.successThreshold !== 1) errs.push(fieldErrors.invalid([...path, 'successThreshold'], probe.successThreshold ?? 0, 'must be 1'));
  return errs;
}

/** validateReadinessProbe is validateReadinessProbe: no terminationGracePeriodSeconds on readiness. */
export function validateReadinessProbe(probe: Probe | undefined, path: PathSegment[]): FieldError[] {
  if (!probe) return [];
  const errs = validateProbe(probe, path);
  if (probe.terminationGracePeriodSeconds !== undefined) {
    errs.push(fieldErrors.invalid([...path, 'terminationGracePeriodSeconds'], probe.terminationGracePeriodSeconds, 'must not be set for readinessProbes'));
  }
  return errs;
}

/** validateStartupProbe is validateStartupProbe: a startup probe's successThreshold must be 1. */
export function validateStartupProbe(probe: Probe | undefined, path: PathSegment[]): FieldError[] {
  return validateLivenessProbe(probe, path);
}

/** validateLifecycle is validateLifecycle: postStart and preStop each need exactly one handler. */
export function validateLifecycle(lifecycle: Lifecycle, gracePeriod: number | undefined, path: PathSegment[]): FieldError[] {
  const errs: FieldError[] = [];
  for (const hook of ['postStart', 'preStop'] as const) {
    const h: LifecycleHandler | undefined = lifecycle[hook];
    if (h) errs.push(...validateHandler(h, gracePeriod, [...path, hook]));
  }
  return errs;
}
