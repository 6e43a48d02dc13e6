// A Chromium trace of the whole browser, recorded through CDP's Tracing domain: the events frameStats.ts reads.
import { createWriteStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import type { Browser, CDPSession } from 'playwright-core';
import type { TraceEvent } from './frameStats';

/**
 * disabled-by-default-v8.gc adds the phases of each collection, of which the report reads the evacuation and the
 * phases' self times (see GcPause); disabled-by-default-cppgc those of Blink's own heap (Oilpan), collected with it. BENCH_UI_TRACE_CATEGORIES adds more, e.g. disabled-by-default-devtools.timeline.invalidationTracking.
 */
const TRACE_CATEGORIES = ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline.frame', 'disabled-by-default-v8.gc', 'disabled-by-default-cppgc', '__metadata', ...(process.env.BENCH_UI_TRACE_CATEGORIES ?? '').split(',').filter(Boolean)];

/** Trace records a window of time through the browser's CDP Tracing domain and keeps only the events frameStats reads. */
export class Trace {
  private constructor(private readonly cdp: CDPSession) {}

  static async start(browser: Browser): Promise<Trace> {
    const cdp = await browser.newBrowserCDPSession();
    await cdp.send('Tracing.start', { traceConfig: { includedCategories: TRACE_CATEGORIES, excludedCategories: ['*'] }, transferMode: 'ReturnAsStream' });
    return new Trace(cdp);
  }

  /** stop reads the stream line by line (Chromium writes one event per line), so a long trace never becomes one string. */
  async stop(saveAs?: string): Promise<TraceEvent[]> {
    const complete = new Promise<string>((resolve) => this.cdp.once('Tracing.tracingComplete', (e) => resolve(e.stream ?? '')));
    await this.cdp.send('Tracing.end');
    const handle = await complete;
    const file = saveAs ? createWriteStream(saveAs) : undefined;
    const events: TraceEvent[] = [];
    const utf8 = new StringDecoder('utf8');
    let rest = '';
    let ended = false;
    const take = (line: string) => {
      // A line holds one or more comma-separated events; the first also carries the `{"traceEvents":[` opening,
      // the last the array's end and the start of the trailing `"metadata"` object, which is not an event.
      if (ended) return;
      let text = line.trim().replace(/^\{"traceEvents":\[/, '');
      const close = text.indexOf('],"metadata":');
      if (close >= 0) {
        text = text.slice(0, close);
        ended = true;
      }
      text = text.replace(/\]\}$/, '').replace(/,$/, '');
      if (!text.startsWith('{"')) return;
      for (const e of JSON.parse(`[${text}]`) as TraceEvent[]) keepEvent(e);
    };
    const keepEvent = (e: TraceEvent) => {
      const keep = e.ph === 'M' || e.name === 'BeginMainThreadFrame' || e.name === 'AnimationFrame' || e.name === 'TimeStamp' || (e.ph === 'X' && e.dur !== undefined);
      // A pool task keeps only the source file that posted it: what kind of work it was (see threadLoad).
      const args = e.ph === 'M' || e.name === 'TimeStamp' || e.name === 'MajorGC' || e.name === 'MinorGC' ? e.args : e.name === 'ThreadPool_RunTask' ? { src_file: e.args?.src_file } : undefined;
      if (keep) events.push({ name: e.name, cat: e.cat, ph: e.ph, ts: e.ts, dur: e.dur, tdur: e.tdur, pid: e.pid, tid: e.tid, id: e.id, id2: e.id2, args });
    };
    for (;;) {
      const chunk = await this.cdp.send('IO.read', { handle, size: 1 << 20 });
      const text = chunk.base64Encoded ? utf8.write(Buffer.from(chunk.data, 'base64')) : chunk.data;
      file?.write(text);
      const lines = (rest + text).split('\n');
      rest = lines.pop() ?? '';
      lines.forEach(take);
      if (chunk.eof) break;
    }
    take(rest);
    file?.end();
    await this.cdp.send('IO.close', { handle });
    await this.cdp.detach();
    return events;
  }
}
