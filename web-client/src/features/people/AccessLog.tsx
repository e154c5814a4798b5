import { useTranslation } from 'react-i18next';
import type { AccessLogFieldsFragment } from '../../gql/graphql';
import { formatDateTime } from '../../i18n/format';

type Log = NonNullable<AccessLogFieldsFragment['accessLog']>;

/** Who opened this profile or exported it: shown to the person themself (and the national team). */
export function AccessLog({ log, isViewer }: { log: Log; isViewer: boolean }) {
  const { t } = useTranslation();
  const entries = (log.items ?? []).flatMap((e) => (e ? [e] : []));
  return (
    <section aria-labelledby="access-log-title" data-testid="access-log-panel">
      <h2 id="access-log-title">{isViewer ? t('accessLog.titleSelf') : t('accessLog.title')}</h2>
      <p className="hint">{t('accessLog.hint')}</p>
      {entries.length === 0 ? (
        <p data-testid="access-log-empty">{t('accessLog.empty')}</p>
      ) : (
        <ol className="history" data-testid="access-log">
          {entries.map((e, i) => (
            <li key={`${e.at}-${i}`} data-testid="access-log-entry" data-kind={e.kind}>
              <time dateTime={e.at}>{formatDateTime(e.at)}</time>
              <span>
                {isViewer && e.kind === 'EXPORTED_PERSONAL_DATA'
                  ? t('accessLog.kindsSelf.EXPORTED_PERSONAL_DATA', { name: e.actorName ?? t('accessLog.erased') })
                  : t(`accessLog.kinds.${e.kind}`, { name: e.actorName ?? t('accessLog.erased') })}
              </span>
            </li>
          ))}
        </ol>
      )}
      {log.pageInfo.hasNextPage && <p className="muted">{t('accessLog.latestOnly', { count: entries.length })}</p>}
    </section>
  );
}
