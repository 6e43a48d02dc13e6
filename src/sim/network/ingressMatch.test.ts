import { describe, expect, it } from 'vitest';
import type { IngressRule } from 'kubernetes-types/networking/v1';
import { hostMatches, matchIngress, pathMatches, type PathType } from './ingressMatch';
import { backend, path } from './testing/fixture';
import type { IngressObject } from './types';

/** The "Examples" table of content/en/docs/concepts/services-networking/ingress.md, cell for cell. */
const DOCS_EXAMPLES = `
| Kind   | Path(s)                         | Request path(s)               | Matches?                           |
|--------|---------------------------------|-------------------------------|------------------------------------|
| Prefix | \`/\`                             | (all paths)                   | Yes                                |
| Exact  | \`/foo\`                          | \`/foo\`                        | Yes                                |
| Exact  | \`/foo\`                          | \`/bar\`                        | No                                 |
| Exact  | \`/foo\`                          | \`/foo/\`                       | No                                 |
| Exact  | \`/foo/\`                         | \`/foo\`                        | No                                 |
| Prefix | \`/foo\`                          | \`/foo\`, \`/foo/\`               | Yes                                |
| Prefix | \`/foo/\`                         | \`/foo\`, \`/foo/\`               | Yes                                |
| Prefix | \`/aaa/bb\`                       | \`/aaa/bbb\`                    | No                                 |
| Prefix | \`/aaa/bbb\`                      | \`/aaa/bbb\`                    | Yes                                |
| Prefix | \`/aaa/bbb/\`                     | \`/aaa/bbb\`                    | Yes, ignores trailing slash        |
| Prefix | \`/aaa/bbb\`                      | \`/aaa/bbb/\`                   | Yes, matches trailing slash        |
| Prefix | \`/aaa/bbb\`                      | \`/aaa/bbb/ccc\`                | Yes, matches subpath               |
| Prefix | \`/aaa/bbb\`                      | \`/aaa/bbbxyz\`                 | No, does not match string prefix   |
| Prefix | \`/\`, \`/aaa\`                     | \`/aaa/ccc\`                    | Yes, matches \`/aaa\` prefix         |
| Prefix | \`/\`, \`/aaa\`, \`/aaa/bbb\`         | \`/aaa/bbb\`                    | Yes, matches \`/aaa/bbb\` prefix     |
| Prefix | \`/\`, \`/aaa\`, \`/aaa/bbb\`         | \`/ccc\`                        | Yes, matches \`/\` prefix            |
| Prefix | \`/aaa\`                          | \`/ccc\`                        | No, uses default backend           |
| Mixed  | \`/foo\` (Prefix), \`/foo\` (Exact) | \`/foo\`                        | Yes, prefers Exact                 |
`;

/** The hostname wildcard table of the same page, cell for cell. */
const DOCS_HOSTS = `
| Host        | Host header       | Match?                                            |
| ----------- |-------------------| --------------------------------------------------|
| \`*.foo.com\` | \`bar.foo.com\`     | Matches based on shared suffix                    |
| \`*.foo.com\` | \`baz.bar.foo.com\` | No match, wildcard only covers a single DNS label |
| \`*.foo.com\` | \`foo.com\`         | No match, wildcard only covers a single DNS label |
`;

/** "(all paths)" is checked on these. */
const ALL_PATHS = ['/', '/foo', '/foo/', '/aaa/bbb/ccc', '/a%20b'];

function rows(table: string): string[][] {
  return table
    .trim()
    .split('\n')
    .slice(2)
    .map((line) => line.split('|').slice(1, -1).map((cell) => cell.trim()));
}

function ticked(cell: string): string[] {
  return [...cell.matchAll(/`([^`]*)`/g)].map((m) => m[1]);
}

let created = 0;
function ingress(name: string, spec: IngressObject['spec']): IngressObject {
  created++;
  return { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name, namespace: 'default', creationTimestamp: `2026-01-01T09:00:${String(created).padStart(2, '0')}Z` }, spec };
}

function rule(host: string | undefined, ...paths: ReturnType<typeof path>[]): IngressRule {
  return { ...(host !== undefined ? { host } : {}), http: { paths } };
}

describe('Ingress path matching: the docs "Examples" table', () => {
  for (const [kind, pathsCell, requestsCell, matchesCell] of rows(DOCS_EXAMPLES)) {
    it(`${kind} ${pathsCell} for ${requestsCell}: ${matchesCell}`, () => {
      const rulePaths = pathsCell.split(',').map((p) => {
        const [value] = ticked(p);
        const type = kind === 'Mixed' ? (/\((\w+)\)/.exec(p)![1] as PathType) : (kind as PathType);
        return path(value, type, `svc-${type}-${value}`);
      });
      const ing = ingress('docs', { rules: [rule(undefined, ...rulePaths)] });
      const requests = requestsCell === '(all paths)' ? ALL_PATHS : ticked(requestsCell);
      for (const request of requests) {
        const route = matchIngress([ing], 'example.com', request);
        if (matchesCell.startsWith('No')) {
          expect([request, route.path, route.backend]).toEqual([request, undefined, undefined]);
          continue;
        }
        // "Yes, matches `/aaa` prefix" names the path that wins; "prefers Exact" names the type.
        const named = ticked(matchesCell)[0];
        const want = { path: named ?? rulePaths[0].path, pathType: matchesCell.includes('prefers Exact') ? 'Exact' : kind };
        expect([request, { path: route.path, pathType: route.pathType }]).toEqual([request, want]);
      }
    });
  }
});

describe('Ingress host matching: the docs wildcard table', () => {
  for (const [hostCell, headerCell, matchCell] of rows(DOCS_HOSTS)) {
    it(`${hostCell} with Host ${headerCell}: ${matchCell}`, () => {
      expect(hostMatches(ticked(hostCell)[0], ticked(headerCell)[0])).toBe(matchCell.startsWith('Matches'));
    });
  }
});

describe('pathMatches and hostMatches details', () => {
  const cases: { name: string; got: boolean; want: boolean }[] = [
    { name: 'Exact is case-sensitive', got: pathMatches('Exact', '/Foo', '/foo'), want: false },
    { name: 'Prefix is case-sensitive', got: pathMatches('Prefix', '/Foo', '/foo/bar'), want: false },
    { name: 'ImplementationSpecific is treated as Prefix: element-wise', got: pathMatches('ImplementationSpecific', '/foo', '/foo/bar'), want: true },
    { name: 'ImplementationSpecific, treated as Prefix, does not match a longer element', got: pathMatches('ImplementationSpecific', '/foo', '/foobar'), want: false },
    { name: 'A precise host must equal the Host header', got: hostMatches('foo.bar.com', 'bar.foo.com'), want: false },
    { name: 'The Host header port and letter case do not matter', got: hostMatches('foo.bar.com', 'FOO.bar.com:8080'), want: true },
    { name: 'An empty rule host matches every request', got: hostMatches('', 'anything.example'), want: true },
  ];
  for (const c of cases) it(c.name, () => expect(c.got).toBe(c.want));
});

describe('matchIngress across the Ingresses of a class (ingress-nginx servers)', () => {
  it('The docs name-based virtual hosting example: first.bar.com, second.foo.com, and the rule without a host for the rest', () => {
    const ing = ingress('name-virtual-host-ingress-no-third-host', {
      rules: [rule('first.bar.com', path('/', 'Prefix', 'service1')), rule('second.foo.com', path('/', 'Prefix', 'service2')), rule(undefined, path('/', 'Prefix', 'service3'))],
    });
    const to = (host: string) => matchIngress([ing], host, '/').backend?.service?.name;
    expect([to('first.bar.com'), to('second.foo.com'), to('203.0.113.7'), to('third.example')]).toEqual(['service1', 'service2', 'service3', 'service3']);
  });

  it('An exact host beats a wildcard, which beats the rules without a host', () => {
    const ing = ingress('hosts', { rules: [rule('*.foo.com', path('/', 'Prefix', 'wild')), rule('bar.foo.com', path('/', 'Prefix', 'exact')), rule(undefined, path('/', 'Prefix', 'any'))] });
    const to = (host: string) => matchIngress([ing], host, '/x').backend?.service?.name;
    expect([to('bar.foo.com'), to('baz.foo.com'), to('baz.bar.foo.com')]).toEqual(['exact', 'wild', 'any']);
  });

  it('A request for a known host that no path matches gets that host server\'s default backend, not the rules without a host', () => {
    const ing = ingress('shop', { defaultBackend: backend('shop-fallback', 80), rules: [rule('shop.example', path('/cart', 'Prefix', 'cart')), rule(undefined, path('/', 'Prefix', 'catch'))] });
    const route = matchIngress([ing], 'shop.example', '/help');
    expect([route.server, route.path, route.backend?.service?.name, route.ingress?.metadata.name]).toEqual(['shop.example', undefined, 'shop-fallback', 'shop']);
  });

  it('Without any defaultBackend an unmatched request goes to the controller\'s default backend (undefined backend: 404)', () => {
    const ing = ingress('only-cart', { rules: [rule('shop.example', path('/cart', 'Prefix', 'cart'))] });
    const route = matchIngress([ing], 'shop.example', '/help');
    expect([route.server, route.backend, route.ingress?.metadata.name]).toEqual(['shop.example', undefined, 'only-cart']);
    expect(matchIngress([ing], 'other.example', '/').ingress).toBeUndefined();
  });

  it('An Ingress with a defaultBackend and no rules catches every host nobody else serves (the docs "single Service Ingress")', () => {
    const single = ingress('test-ingress', { defaultBackend: backend('test', 80) });
    const shop = ingress('shop-2', { rules: [rule('shop.example', path('/', 'Prefix', 'shop'))] });
    const to = (host: string) => matchIngress([single, shop], host, '/any').backend?.service?.name;
    expect([to('shop.example'), to('unknown.example')]).toEqual(['shop', 'test']);
  });

  it('The defaultBackend of an Ingress with rules does not catch hosts it has no rule for (ingress-nginx)', () => {
    const ing = ingress('partial', { defaultBackend: backend('fallback', 80), rules: [rule('a.example', path('/a', 'Prefix', 'a'))] });
    expect(matchIngress([ing], 'b.example', '/').backend).toBeUndefined();
  });

  it('Two Ingresses with the same host and path: the older one keeps it; a longer path of the newer one still wins its requests', () => {
    const older = ingress('older', { rules: [rule('app.example', path('/api', 'Prefix', 'v1'))] });
    const newer = ingress('newer', { rules: [rule('app.example', path('/api', 'Prefix', 'v2'), path('/api/v2', 'Prefix', 'v2'))] });
    const to = (p: string) => matchIngress([older, newer], 'app.example', p);
    expect([to('/api/users').backend?.service?.name, to('/api/users').ingress?.metadata.name, to('/api/v2/users').ingress?.metadata.name]).toEqual(['v1', 'older', 'newer']);
  });

  it('Order in the YAML does not matter: the longest path wins', () => {
    const ing = ingress('order', { rules: [rule(undefined, path('/', 'Prefix', 'frontend'), path('/api', 'Prefix', 'api'))] });
    const to = (p: string) => matchIngress([ing], 'x', p).backend?.service?.name;
    expect([to('/'), to('/cart'), to('/api/users'), to('/apiary')]).toEqual(['frontend', 'frontend', 'api', 'frontend']);
  });
});
