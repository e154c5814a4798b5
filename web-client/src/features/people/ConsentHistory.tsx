import { useTranslation } from 'react-i18next';
import type { PersonConsentsFieldsFragment } from '../../gql/graphql';
import { formatDateTime } from '../../i18n/format';

type History = NonNullable<PersonConsentsFieldsFragment['consentHistory']>;

/** The ledger, newest first: every consent given or withdrawn, how, by whom, and which wording was shown. */
export function ConsentHistory({ history }: { history: History }) {
  const { t } = useTranslation();
  const lines = (history.items ?? []).flatMap((l) => (l ? [l] : []));
  return (
    <>
      <h3>{t('consent.history')}</h3>
      {lines.length === 0 ? (
        <p data-testid="consent-history-empty">{t('consent.historyEmpty')}</p>
      ) : (
        <ol className="history" data-testid="consent-history">
          {lines.map((line, i) => (
            <li key={`${line.at}-${i}`} data-testid="consent-history-row" data-granted={line.granted}>
              <time dateTime={line.at}>{formatDateTime(line.at)}</time>
              <span>
                <strong>{t(`consent.kinds.${line.purpose}.${line.channel}`)}</strong>
                {' · '}
                {line.granted ? t('consent.given') : t('consent.withdrawn')}
                {' · '}
                {t(`consentMethod.${line.method}`)}
                {' · '}
                {line.recordedByThePerson ? t('consent.byThePerson') : t('consent.byAManager')}
                {line.wordingVersion && <span className="muted"> · {t('consent.wordingVersion', { version: line.wordingVersion })}</span>}
              </span>
            </li>
          ))}
        </ol>
      )}
      {history.pageInfo.hasNextPage && <p className="muted">{t('consent.latestOnly', { count: lines.length })}</p>}
    </>
  );
}
