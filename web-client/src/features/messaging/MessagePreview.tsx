import { useTranslation } from 'react-i18next';
import type { ConsentChannel, MessagePreviewFieldsFragment } from '../../gql/graphql';
import { currentLanguage } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import { encodingName } from './composer';
import { MAX_SMS_SEGMENTS } from './messageText';

/** A price in its currency, in the reader's language ("0,28 €"); the amount alone when the currency is unknown. */
export function formatMoney(amount: number, currency: string | null | undefined): string {
  const locale = currentLanguage() === 'fr' ? 'fr-FR' : 'en-GB';
  try {
    if (currency) return new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 4 }).format(amount);
  } catch {
    // not an ISO currency code: the amount, then the code
  }
  return `${formatNumber(amount, 4)}${currency ? ` ${currency}` : ''}`;
}

interface Props {
  channel: ConsentChannel;
  preview: MessagePreviewFieldsFragment;
  /** How many people it would go to (for the SMS's cost); null when hidden (fewer than 5), undefined when unknown. */
  reach?: number | null | undefined;
}

/**
 * A message as a recipient gets it, with the viewer's own first name. A newsletter's HTML is shown in a sandboxed
 * frame (no script, no form, no same-origin access): it is never put into the page itself.
 */
export function MessagePreview({ channel, preview, reach }: Props) {
  const { t } = useTranslation();
  if (channel === 'EMAIL')
    return (
      <div className="message-preview email-preview" data-testid="message-preview" data-channel="EMAIL">
        {preview.subject != null && (
          <p className="preview-subject" data-testid="preview-subject">
            <span className="muted">{t('messaging.preview.subject')}</span> {preview.subject}
          </p>
        )}
        {preview.html ? (
          <iframe className="preview-frame" sandbox="" srcDoc={preview.html} title={t('messaging.preview.frameTitle')} data-testid="preview-frame" />
        ) : (
          <p className="preview-text" data-testid="preview-text">
            {preview.text}
          </p>
        )}
      </div>
    );

  const sms = preview.sms;
  const cost = preview.costPerRecipient;
  return (
    <div className="message-preview sms-preview" data-testid="message-preview" data-channel="SMS">
      <p className="sms-bubble" data-testid="preview-text">
        {preview.text}
      </p>
      {sms && (
        <dl className="sms-facts" data-testid="sms-facts">
          <div>
            <dt>{t('messaging.preview.characters')}</dt>
            <dd data-testid="sms-characters">{formatNumber(sms.characters)}</dd>
          </div>
          <div>
            <dt>{t('messaging.preview.encoding')}</dt>
            <dd data-testid="sms-encoding" data-encoding={sms.encoding}>
              {encodingName(sms.encoding)}
            </dd>
          </div>
          <div>
            <dt>{t('messaging.preview.segments')}</dt>
            <dd data-testid="sms-segments" data-segments={sms.segments}>
              {formatNumber(sms.segments)}
            </dd>
          </div>
          {cost != null && (
            <div>
              <dt>{t('messaging.preview.cost')}</dt>
              <dd data-testid="sms-cost">
                {reach != null
                  ? t('messaging.preview.costTotal', {
                      total: formatMoney(cost * reach, preview.currency),
                      each: formatMoney(cost, preview.currency),
                      count: reach,
                      people: formatNumber(reach),
                    })
                  : t('messaging.preview.costEach', { each: formatMoney(cost, preview.currency) })}
              </dd>
            </div>
          )}
        </dl>
      )}
      {sms && (
        <p className="hint" data-testid="sms-encoding-hint">
          {sms.encoding.toUpperCase().startsWith('UCS') ? t('messaging.preview.ucs2') : t('messaging.preview.gsm7')}
        </p>
      )}
      {sms && sms.segments > MAX_SMS_SEGMENTS && (
        <p className="error" data-testid="sms-too-long">
          {t('messaging.preview.tooLong', { max: MAX_SMS_SEGMENTS })}
        </p>
      )}
    </div>
  );
}
