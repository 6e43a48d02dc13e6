// The machine under the UI benchmark, in the terms its garbage-collection pauses depend on besides the page's own
// objects: how many cores the collector's helper threads share with everything else, and what a first touch of a
// memory page costs (V8's memory reducer gives pages back to the OS; its collections touch fresh ones). Machines
// differ; the report names this one's.
import { availableParallelism } from 'node:os';
import { median } from '../stats';

const PAGE = 4096;

/** pageFaultMicros is the median cost of touching a fresh 4 KiB page of memory, in µs, less that of touching it again. */
export function pageFaultMicros(mib = 32, runs = 5): number {
  const costs: number[] = [];
  for (let r = 0; r < runs; r++) {
    // Large and uninitialised: malloc maps it fresh from the OS, so each first write to a page faults.
    const memory = Buffer.allocUnsafeSlow(mib << 20);
    const touch = () => {
      const start = process.hrtime.bigint();
      for (let i = 0; i < memory.length; i += PAGE) memory[i] = 1;
      return Number(process.hrtime.bigint() - start) / 1000;
    };
    const first = touch();
    costs.push((first - touch()) / (memory.length / PAGE));
  }
  return median(costs);
}

/** machineLine describes the machine in one line of the benchmark's report. */
export function machineLine(): string {
  return `machine: ${availableParallelism()} cores; a first touch of a memory page costs ${pageFaultMicros().toFixed(2)} µs`;
}
