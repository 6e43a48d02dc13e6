/** Example manifests a teacher can load in one click; each shows one Kubernetes behaviour. */
export interface Example {
  title: string;
  file: string;
  text: string;
}

export const EXAMPLES: readonly Example[] = [
  {
    title: 'Deployment (3 nginx replicas)',
    file: 'web-deployment',
    text: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  strategy:
    rollingUpdate:
      maxSurge: 1
      maxUnavailable: 0
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.14.2
        ports:
        - containerPort: 80
        resources:
          requests:
            cpu: 250m
            memory: 128Mi
`,
  },
  {
    title: 'Pod with probes',
    file: 'probes-pod',
    text: `apiVersion: v1
kind: Pod
metadata:
  name: goproxy
  labels:
    app: goproxy
spec:
  containers:
  - name: goproxy
    image: registry.k8s.io/goproxy:0.1
    ports:
    - containerPort: 8080
    readinessProbe:
      tcpSocket:
        port: 8080
      initialDelaySeconds: 15
      periodSeconds: 10
    livenessProbe:
      tcpSocket:
        port: 8080
      initialDelaySeconds: 15
      periodSeconds: 10
`,
  },
  {
    title: 'Exec liveness (restarts every ~40 s)',
    file: 'exec-liveness',
    text: `apiVersion: v1
kind: Pod
metadata:
  labels:
    test: liveness
  name: liveness-exec
spec:
  containers:
  - name: liveness
    image: registry.k8s.io/busybox:1.27.2
    args:
    - /bin/sh
    - -c
    - touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600
    livenessProbe:
      exec:
        command:
        - cat
        - /tmp/healthy
      initialDelaySeconds: 5
      periodSeconds: 5
`,
  },
  {
    title: 'Service for the Deployment',
    file: 'web-service',
    text: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
  - port: 80
    targetPort: 80
`,
  },
  {
    title: 'Service and Ingress for the Deployment (web.example.com)',
    file: 'web-ingress',
    text: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
  - port: 80
    targetPort: 80
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
spec:
  ingressClassName: nginx
  rules:
  - host: web.example.com
    http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service:
            name: web
            port:
              number: 80
`,
  },
  {
    title: 'Slow-starting app behind a Service (try it with and without the readiness probe)',
    file: 'slow-start',
    text: `# A Spring Boot app listens about 6 s after its container starts. Send traffic to
# http://app.default.svc.cluster.local/ (or through an Ingress), then run
# kubectl rollout restart deployment/app: with the readiness probe no request fails;
# delete the probe, apply, restart again, and watch requests being refused.
apiVersion: apps/v1
kind: Deployment
metadata:
  name: app
spec:
  replicas: 3
  selector:
    matchLabels:
      app: app
  template:
    metadata:
      labels:
        app: app
    spec:
      containers:
      - name: app
        image: springio/gs-spring-boot-docker
        ports:
        - containerPort: 8080
        readinessProbe:
          httpGet:
            path: /
            port: 8080
          periodSeconds: 2
---
apiVersion: v1
kind: Service
metadata:
  name: app
spec:
  selector:
    app: app
  ports:
  - port: 80
    targetPort: 8080
`,
  },
  {
    title: 'Scheduling constraints (spread, affinity, tolerations)',
    file: 'scheduling',
    text: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: spread
spec:
  replicas: 4
  selector:
    matchLabels:
      app: spread
  template:
    metadata:
      labels:
        app: spread
    spec:
      topologySpreadConstraints:
      - maxSkew: 1
        topologyKey: kubernetes.io/hostname
        whenUnsatisfiable: DoNotSchedule
        # Without this the tainted control-plane node counts as an empty domain and the 4th pod stays Pending.
        nodeTaintsPolicy: Honor
        labelSelector:
          matchLabels:
            app: spread
      affinity:
        nodeAffinity:
          preferredDuringSchedulingIgnoredDuringExecution:
          - weight: 50
            preference:
              matchExpressions:
              - key: kubernetes.io/hostname
                operator: In
                values: [node-1]
      containers:
      - name: app
        image: nginx:1.14.2
        resources:
          requests:
            cpu: 500m
            memory: 256Mi
`,
  },
  {
    title: 'CrashLoopBackOff',
    file: 'crashloop',
    text: `apiVersion: v1
kind: Pod
metadata:
  name: crasher
spec:
  containers:
  - name: app
    image: busybox:1.36
    command: ["sh", "-c", "sleep 5; exit 1"]
`,
  },
];
