import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { consentKey, wordingText, type ConsentWording } from './consents';
import type { ConsentChannel, ConsentPurpose } from '../../gql/graphql';

interface Props {
  purpose: ConsentPurpose;
  channel: ConsentChannel;
  wording: ConsentWording | undefined;
  checked: boolean;
  disabled?: boolean;
  onChange: (checked: boolean) => void;
  /** `<testIdPrefix>-<PURPOSE>-<CHANNEL>` on the checkbox. */
  testIdPrefix: string;
  describedBy?: string | undefined;
  children?: ReactNode;
}

/** One consent's checkbox, labelled with the exact text the person agrees to (the wording whose version is recorded). */
export function ConsentChoice({ purpose, channel, wording, checked, disabled, onChange, testIdPrefix, describedBy, children }: Props) {
  const { t, i18n } = useTranslation();
  const text = wordingText(wording, i18n.resolvedLanguage);
  return (
    <div className="consent-choice">
      <label className="inline consent-label">
        <input
          type="checkbox"
          checked={checked}
          disabled={disabled}
          onChange={(e) => onChange(e.target.checked)}
          aria-describedby={describedBy}
          data-testid={`${testIdPrefix}-${consentKey({ purpose, channel })}`}
        />
        <span>
          <strong>{t(`consent.kinds.${purpose}.${channel}`)}</strong>
          <span className="wording">{text ?? t('common.loading')}</span>
        </span>
      </label>
      {children}
    </div>
  );
}
