import { useEffect, useState } from 'react';
import { onQueueChange, queuedReports, type QueuedReport } from './offlineStore';

/** The reports waiting on the phone (all, or one share's), read again after each change of the queue. */
export function useReportQueue(shareId?: string): { reports: QueuedReport[]; pending: QueuedReport[]; rejected: QueuedReport[] } {
  const [reports, setReports] = useState<QueuedReport[]>([]);
  useEffect(() => {
    let live = true;
    const read = () =>
      queuedReports().then(
        (all) => live && setReports(shareId ? all.filter((r) => r.shareId === shareId) : all),
        () => live && setReports([]),
      );
    void read();
    const stop = onQueueChange(() => void read());
    return () => {
      live = false;
      stop();
    };
  }, [shareId]);
  return {
    reports,
    pending: reports.filter((r) => r.state === 'pending'),
    rejected: reports.filter((r) => r.state === 'rejected'),
  };
}

/** Whether the browser thinks it has a network (navigator.onLine and its events). */
export function useOnline(): boolean {
  const [online, setOnline] = useState(() => typeof navigator === 'undefined' || navigator.onLine !== false);
  useEffect(() => {
    const on = () => setOnline(true);
    const off = () => setOnline(false);
    window.addEventListener('online', on);
    window.addEventListener('offline', off);
    return () => {
      window.removeEventListener('online', on);
      window.removeEventListener('offline', off);
    };
  }, []);
  return online;
}

/** A v4 UUID: crypto.randomUUID where the page is a secure context, else from getRandomValues. */
export function newClientId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
