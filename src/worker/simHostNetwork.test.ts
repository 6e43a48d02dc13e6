import { describe, expect, it } from 'vitest';
import type { WorkerMessage } from './protocol';
import { SimHost, type Ticker } from './simHost';

function host() {
  const posted: WorkerMessage[] = [];
  let tick: (() => void) | undefined;
  const ticker: Ticker = {
    start(_every, fn) {
      tick = fn;
      return () => (tick = undefined);
    },
    now: () => 0,
  };
  const h = new SimHost((m) => posted.push(m), ticker);
  return { h, posted, tick: (n: number) => Array.from({ length: n }, () => tick?.()) };
}

const WEB = `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: 2
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec: { containers: [{ name: nginx, image: nginx:1.27, ports: [{ containerPort: 80 }] }] }
---
apiVersion: v1
kind: Service
metadata: { name: web }
spec: { selector: { app: web }, ports: [{ port: 80 }] }
`;

describe('the worker host: kubectl and traffic', () => {
  it('starts a kubeadm-like cluster with CoreDNS and ingress-nginx', () => {
    const { h, posted } = host();
    h.handle({ type: 'kubectl', id: 1, line: 'kubectl get deploy -A', files: {} });
    expect(posted.find((m) => m.type === 'kubectl')).toEqual({
      type: 'kubectl',
      id: 1,
      stdout:
        'NAMESPACE       NAME                       READY   UP-TO-DATE   AVAILABLE   AGE\n' +
        'ingress-nginx   ingress-nginx-controller   0/1     0            0           0s\n' +
        'kube-system     coredns                    0/2     0            0           0s\n',
      stderr: '',
      exitCode: 0,
      streaming: false,
    });
  });

  it('applies an editor tab with kubectl apply -f and answers Tab completion with object names', () => {
    const { h, posted } = host();
    h.handle({ type: 'kubectl', id: 1, line: 'kubectl apply -f web.yaml', files: { 'web.yaml': WEB } });
    h.handle({ type: 'kubectlComplete', id: 2, line: 'kubectl get svc ' });
    expect(posted.filter((m) => m.type === 'kubectl' || m.type === 'completions')).toEqual([
      { type: 'kubectl', id: 1, stdout: 'deployment.apps/web created\nservice/web created\n', stderr: '', exitCode: 0, streaming: false },
      { type: 'completions', id: 2, candidates: ['kubernetes', 'web'] },
    ]);
  });

  it('streams kubectl get -w rows until the console cancels', () => {
    const { h, posted, tick } = host();
    h.handle({ type: 'kubectl', id: 7, line: 'kubectl get deploy -w', files: {} });
    expect(posted.find((m) => m.type === 'kubectl')).toMatchObject({ id: 7, streaming: true, stdout: '', stderr: '' });
    h.handle({ type: 'apply', id: 8, yaml: WEB });
    const rows = () => posted.filter((m) => m.type === 'kubectlStream').length;
    expect(rows()).toBeGreaterThan(0);
    h.handle({ type: 'kubectlCancel', id: 7 });
    const before = rows();
    tick(50);
    expect(rows()).toBe(before);
  });

  it('ends a rollout status stream by itself once the rollout is through, with exit code 0', () => {
    const { h, posted, tick } = host();
    h.handle({ type: 'apply', id: 1, yaml: WEB });
    h.handle({ type: 'kubectl', id: 2, line: 'kubectl rollout status deployment/web', files: {} });
    tick(300);
    const pieces = posted.filter((m) => m.type === 'kubectlStream');
    expect(pieces[pieces.length - 1]).toEqual({ type: 'kubectlStream', id: 2, stdout: 'deployment "web" successfully rolled out\n', stderr: '', exitCode: 0 });
    h.handle({ type: 'kubectl', id: 3, line: 'kubectl scale deployment web --replicas=3', files: {} });
    tick(100);
    expect(posted.filter((m) => m.type === 'kubectlStream')).toHaveLength(pieces.length);
  });

  it('tells the UI which local ports kubectl port-forward listens on, until the console stops it', () => {
    const { h, posted, tick } = host();
    h.handle({ type: 'apply', id: 1, yaml: WEB });
    tick(300);
    h.handle({ type: 'kubectl', id: 2, line: 'kubectl port-forward deployment/web 8080:80', files: {} });
    h.handle({ type: 'kubectlCancel', id: 2 });
    expect(posted.filter((m) => m.type === 'traffic').map((m) => m.type === 'traffic' && m.portForwards)).toEqual([[8080], []]);
  });

  it('runs a traffic flow and sends its counters and samples with each tick', () => {
    const { h, posted, tick } = host();
    h.handle({ type: 'apply', id: 1, yaml: WEB });
    tick(300);
    h.handle({ type: 'kubectl', id: 2, line: 'kubectl get pods -n ingress-nginx -o name', files: {} });
    const client = firstPod(posted);
    h.handle({ type: 'setSpeed', speed: 10 });
    h.handle({ type: 'traffic', action: 'start', flow: { id: 'f', source: { kind: 'pod', namespace: 'ingress-nginx', name: client }, url: 'http://web.default/', ratePerSecond: 10 } });
    posted.length = 0;
    tick(10);
    const traffic = posted.filter((m) => m.type === 'traffic');
    const last = traffic[traffic.length - 1];
    expect(last.type === 'traffic' && last.stats.flows.f).toEqual({ total: 100, success: 100, errors: {}, ratePerSecond: 10 });
    // Five samples per virtual second are kept for drawing (seconds 30 to 39, and the request at 40.000 s), each sent once.
    expect(traffic.flatMap((m) => (m.type === 'traffic' ? m.samples.map((s) => s.seq) : []))).toEqual(Array.from({ length: 51 }, (_, i) => i + 1));
  });
});

/** firstPod is the first name `kubectl get pods -o name` printed: the ingress controller pod, whose dnsPolicy is ClusterFirst. */
function firstPod(posted: WorkerMessage[]): string {
  const reply = posted.find((m) => m.type === 'kubectl' && m.id === 2);
  return reply?.type === 'kubectl' ? reply.stdout.split('\n')[0].replace('pod/', '') : '';
}
