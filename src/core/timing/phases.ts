import type { Timings } from '../exchange/types';

export type PhaseName = 'blocked' | 'dns' | 'connect' | 'ssl' | 'send' | 'wait' | 'receive';

/** One HAR phase placed on the request's timeline (ms from the request start). */
export interface Phase {
  name: PhaseName;
  label: string;
  start: number;
  duration: number;
}

const LABEL: Record<PhaseName, string> = {
  blocked: 'Blocked (queueing)',
  dns: 'DNS lookup',
  connect: 'Connect',
  ssl: 'TLS handshake',
  send: 'Send',
  wait: 'Waiting (server)',
  receive: 'Receive',
};

/**
 * The HAR 1.2 phases as a waterfall. HAR counts TLS inside `connect` ("ssl … is also included
 * in the connect field"), so TLS is drawn over the end of the connect bar and not added to the
 * total again. Phases the recorder did not give (absent or -1) are left out.
 */
export function timingPhases(t: Timings | undefined): { phases: Phase[]; total: number } {
  const phases: Phase[] = [];
  if (!t) return { phases, total: 0 };
  let at = 0;
  const add = (name: PhaseName) => {
    const d = t[name];
    if (d === undefined || d < 0) return;
    phases.push({ name, label: LABEL[name], start: at, duration: d });
    at += d;
  };
  add('blocked');
  add('dns');
  const connectStart = at;
  add('connect');
  const ssl = t.ssl;
  if (ssl !== undefined && ssl >= 0) {
    const connect = t.connect !== undefined && t.connect >= 0 ? t.connect : 0;
    const start = connect >= ssl ? connectStart + connect - ssl : at;
    phases.push({ name: 'ssl', label: LABEL.ssl, start, duration: ssl });
    if (connect < ssl) at += ssl;
  }
  add('send');
  add('wait');
  add('receive');
  return { phases, total: at };
}
