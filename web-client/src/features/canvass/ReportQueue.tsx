import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { isKnownErrorCode } from '../../ui/errorText';
import { discardReport, type QueuedReport } from './offlineStore';
import { syncReports } from './sync';
import { useOnline } from './useReportQueue';

interface Props {
  pending: readonly QueuedReport[];
  rejected: readonly QueuedReport[];
  /** Opens the sheet on a refused report, to fix it. */
  onFix: (report: QueuedReport) => void;
}

/** "N reports waiting to be sent", a way to send them now, and the refused ones with why, to fix or discard. */
export function ReportQueue({ pending, rejected, onFix }: Props) {
  const { t } = useTranslation();
  const online = useOnline();
  const [sending, setSending] = useState(false);
  const [discarding, setDiscarding] = useState<QueuedReport | null>(null);

  async function sendNow() {
    setSending(true);
    try {
      await syncReports();
    } finally {
      setSending(false);
    }
  }

  return (
    <div className="report-queue" aria-live="polite">
      {!online && (
        <p className="notice" data-testid="offline-notice">
          {t('canvass.queue.offline')}
        </p>
      )}
      {pending.length > 0 && (
        <p className="notice queue-count" data-testid="reports-waiting" data-count={pending.length}>
          <span>{t('canvass.queue.waiting', { count: pending.length })}</span>
          {online && (
            <button type="button" className="secondary" onClick={() => void sendNow()} disabled={sending} data-testid="reports-send">
              {sending ? t('canvass.queue.sending') : t('canvass.queue.sendNow')}
            </button>
          )}
        </p>
      )}
      {rejected.length > 0 && (
        <section className="rejected" data-testid="reports-rejected" aria-labelledby="rejected-title">
          <h2 id="rejected-title">{t('canvass.queue.rejectedTitle', { count: rejected.length })}</h2>
          <ul className="cards">
            {rejected.map((r) => (
              <li key={r.clientId} className="card-item" data-testid="rejected-report" data-code={r.code ?? ''}>
                <strong>{r.where}</strong> · {t(`canvass.outcome.${r.outcome}`)}
                <p className="error">{r.code && isKnownErrorCode(r.code) ? t(`errorCode.${r.code}`) : (r.message ?? t('errors.generic'))}</p>
                <div className="actions">
                  <button type="button" className="secondary" onClick={() => onFix(r)} data-testid="rejected-fix">
                    {t('canvass.queue.fix')}
                  </button>
                  <button type="button" className="danger" onClick={() => setDiscarding(r)} data-testid="rejected-discard">
                    {t('canvass.queue.discard')}
                  </button>
                </div>
              </li>
            ))}
          </ul>
        </section>
      )}
      {discarding && (
        <ConfirmDialog
          title={t('canvass.queue.discardTitle')}
          confirmLabel={t('canvass.queue.discard')}
          cancelLabel={t('canvass.queue.keep')}
          onConfirm={() => {
            void discardReport(discarding.clientId);
            setDiscarding(null);
          }}
          onCancel={() => setDiscarding(null)}
          testId="discard-dialog"
        >
          <p>{t('canvass.queue.discardText', { where: discarding.where })}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
