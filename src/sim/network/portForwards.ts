// kubectl port-forward's local listeners: 127.0.0.1:LOCAL reaches one pod's REMOTE port through the API server and the
// pod's kubelet (pkg/kubelet/cri/streaming/portforward), bypassing Services and kube-proxy.

/** PortForwardEntry is one listening local port and the pod port it reaches. */
export interface PortForwardEntry {
  namespace: string;
  pod: string;
  remotePort: number;
  onConnection: () => void;
}

/** PortForwards are the local ports `kubectl port-forward` is listening on, as the traffic panel's targets. */
export class PortForwards {
  private readonly byPort = new Map<number, PortForwardEntry>();

  /** forward listens on localPort; returns how to stop, or the bind error when the port is taken. */
  forward(localPort: number, entry: PortForwardEntry): (() => void) | string {
    if (this.byPort.has(localPort)) return `unable to listen on port ${localPort}: Listeners failed to create with the following errors: [unable to create listener: Error listen tcp4 127.0.0.1:${localPort}: bind: address already in use]`;
    this.byPort.set(localPort, entry);
    return () => {
      if (this.byPort.get(localPort) === entry) this.byPort.delete(localPort);
    };
  }

  lookup(localPort: number): PortForwardEntry | undefined {
    return this.byPort.get(localPort);
  }

  /** ports lists the listening local ports, lowest first. */
  ports(): number[] {
    return [...this.byPort.keys()].sort((a, b) => a - b);
  }
}
