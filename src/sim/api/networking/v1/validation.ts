// Mirrors pkg/apis/networking/validation/validation.go: ValidateIngressCreate/Update, ValidateIngressSpec,
// validateIngressRules, validateHTTPIngressPath, validateIngressBackend, ValidateIngressClass(Update) and
// pkg/apis/networking/v1/defaults.go SetDefaults_IngressClass. Leaves out TLS secret names, resource backends'
// API groups and IngressClass parameters' names.
import type { HTTPIngressPath, Ingress, IngressBackend, IngressClass } from 'kubernetes-types/networking/v1';
import { type FieldError, fieldErrors, type PathSegment } from '../../fieldError';
import { nameIsDNS1035Label, nameIsDNSSubdomain, validateObjectMeta } from '../../meta/v1/validation';
import { isDNS1123Subdomain, isValidPortName, isValidPortNum, parseIP, regexError } from '../../validation/names';
import { validateImmutableField } from '../../core/v1/validation/common';
import { GoValue } from '../../core/v1/validation/goValue';

const PATH_TYPES = ['Exact', 'ImplementationSpecific', 'Prefix'];
const INVALID_PATH_SEQUENCES = ['//', '/./', '/../', '%2f', '%2F'];
const INVALID_PATH_SUFFIXES = ['/..', '/.'];
const ANNOTATION_INGRESS_CLASS = 'kubernetes.io/ingress.class';

const WILDCARD_FMT = '\\*\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*';
const WILDCARD_RE = new RegExp(`^${WILDCARD_FMT}$`);

/** isWildcardDNS1123Subdomain is IsWildcardDNS1123Subdomain: `*.` followed by a DNS subdomain. */
export function isWildcardDNS1123Subdomain(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 253) errs.push('must be no more than 253 characters');
  if (!WILDCARD_RE.test(value)) {
    errs.push(
      regexError(
        "a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character",
        WILDCARD_FMT,
        '*.example.com',
      ),
    );
  }
  return errs;
}

function validateIngressBackend(b: IngressBackend, path: PathSegment[]): FieldError[] {
  const errs: FieldError[] = [];
  if (b.resource && b.service) return [fieldErrors.invalid(path, '', 'cannot set both resource and service backends')];
  if (b.resource) {
    if (!b.resource.kind) errs.push(fieldErrors.required([...path, 'resource', 'kind']));
    if (!b.resource.name) errs.push(fieldErrors.required([...path, 'resource', 'name']));
    return errs;
  }
  if (!b.service) return [fieldErrors.invalid(path, '', 'resource or service backend is required')];
  const svc = b.service;
  if (!svc.name) errs.push(fieldErrors.required([...path, 'service', 'name']));
  else errs.push(...nameIsDNS1035Label(svc.name, false).map((m) => fieldErrors.invalid([...path, 'service', 'name'], svc.name, m)));
  const name = svc.port?.name ?? '';
  const number = svc.port?.number ?? 0;
  if (name && number) errs.push(fieldErrors.invalid(path, '', 'cannot set both port name & port number'));
  else if (name) errs.push(...isValidPortName(name).map((m) => fieldErrors.invalid([...path, 'service', 'port', 'name'], name, m)));
  else if (number) errs.push(...isValidPortNum(number).map((m) => fieldErrors.invalid([...path, 'service', 'port', 'number'], number, m)));
  else errs.push(fieldErrors.required(path, 'port name or number is required'));
  return errs;
}

function validateHTTPIngressPath(p: HTTPIngressPath, path: PathSegment[]): FieldError[] {
  if (!p.pathType) return [fieldErrors.required([...path, 'pathType'], 'pathType must be specified')];
  const errs: FieldError[] = [];
  const value = p.path ?? '';
  switch (p.pathType) {
    case 'Exact':
    case 'Prefix':
      if (!value.startsWith('/')) errs.push(fieldErrors.invalid([...path, 'path'], value, 'must be an absolute path'));
      if (value) {
        for (const seq of INVALID_PATH_SEQUENCES) if (value.includes(seq)) errs.push(fieldErrors.invalid([...path, 'path'], value, `must not contain '${seq}'`));
        for (const suffix of INVALID_PATH_SUFFIXES) if (value.endsWith(suffix)) errs.push(fieldErrors.invalid([...path, 'path'], value, `cannot end with '${suffix}'`));
      }
      break;
    case 'ImplementationSpecific':
      if (value && !value.startsWith('/')) errs.push(fieldErrors.invalid([...path, 'path'], value, 'must be an absolute path'));
      break;
    default:
      errs.push(fieldErrors.notSupported([...path, 'pathType'], p.pathType, PATH_TYPES));
  }
  errs.push(...validateIngressBackend(p.backend, [...path, 'backend']));
  return errs;
}

/** validateIngress is ValidateIngressCreate (and the spec part of ValidateIngressUpdate). */
export function validateIngress(ing: Ingress): FieldError[] {
  const errs = validateObjectMeta(ing.metadata ?? {}, true, nameIsDNSSubdomain, ['metadata']);
  const spec = ing.spec ?? {};
  const rules = spec.rules ?? [];
  if (rules.length === 0 && !spec.defaultBackend) {
    const badValue = new GoValue(spec.rules ?? null, spec.rules ? '[]networking.IngressRule{}' : '[]networking.IngressRule(nil)');
    errs.push(fieldErrors.invalid(['spec'], badValue, 'either `defaultBackend` or `rules` must be specified'));
  }
  if (spec.defaultBackend) errs.push(...validateIngressBackend(spec.defaultBackend, ['spec', 'defaultBackend']));
  rules.forEach((rule, i) => {
    const idx = ['spec', 'rules', i];
    const host = rule.host ?? '';
    if (host) {
      if (parseIP(host)) errs.push(fieldErrors.invalid([...idx, 'host'], host, 'must be a DNS name, not an IP address'));
      const msgs = host.includes('*') ? isWildcardDNS1123Subdomain(host) : isDNS1123Subdomain(host);
      errs.push(...msgs.map((m) => fieldErrors.invalid([...idx, 'host'], host, m)));
    }
    if (rule.http) {
      const paths = rule.http.paths ?? [];
      if (paths.length === 0) errs.push(fieldErrors.required([...idx, 'http', 'paths']));
      paths.forEach((p, j) => errs.push(...validateHTTPIngressPath(p, [...idx, 'http', 'paths', j])));
    }
  });
  (spec.tls ?? []).forEach((tls, i) => {
    (tls.hosts ?? []).forEach((host, j) => {
      const msgs = host.includes('*') ? isWildcardDNS1123Subdomain(host) : isDNS1123Subdomain(host);
      errs.push(...msgs.map((m) => fieldErrors.invalid(['spec', 'tls', i, 'hosts', j], host, m)));
    });
  });
  const className = spec.ingressClassName;
  if (className !== undefined) {
    errs.push(...nameIsDNSSubdomain(className, false).map((m) => fieldErrors.invalid(['spec', 'ingressClassName'], className, m)));
  }
  const annotation = ing.metadata?.annotations?.[ANNOTATION_INGRESS_CLASS];
  if (annotation !== undefined && className !== undefined && annotation !== className) {
    errs.push(fieldErrors.invalid(['annotations', ANNOTATION_INGRESS_CLASS], annotation, 'must match `ingressClassName` when both are specified'));
  }
  return errs;
}

const MAX_CONTROLLER_LENGTH = 250;
const DOMAIN_PREFIXED_PATH = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/.+$/;

/** setDefaultsIngressClass is SetDefaults_IngressClass: parameters without a scope are Cluster-scoped. */
export function setDefaultsIngressClass(ic: IngressClass): void {
  const params = ic.spec?.parameters;
  if (params) params.scope ||= 'Cluster';
}

/** validateIngressClass is ValidateIngressClass, or ValidateIngressClassUpdate (controller immutable) with old. */
export function validateIngressClass(ic: IngressClass, old?: IngressClass): FieldError[] {
  const errs = validateObjectMeta(ic.metadata ?? {}, false, nameIsDNSSubdomain, ['metadata']);
  const controller = ic.spec?.controller ?? '';
  const path = ['spec', 'controller'];
  if (!controller) errs.push(fieldErrors.required(path));
  else {
    if (controller.length > MAX_CONTROLLER_LENGTH) errs.push(fieldErrors.tooLong(path, controller, MAX_CONTROLLER_LENGTH));
    if (!DOMAIN_PREFIXED_PATH.test(controller)) errs.push(fieldErrors.invalid(path, controller, 'must be a domain-prefixed path (such as "acme.io/foo")'));
  }
  if (old) errs.push(...validateImmutableField(ic.spec?.controller, old.spec?.controller, path));
  return errs;
}
