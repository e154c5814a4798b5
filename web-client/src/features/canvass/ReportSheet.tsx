import { useId, useLayoutEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DoorOutcome } from '../../gql/graphql';
import {
  DOOR_OUTCOMES,
  emptyReport,
  nobodyThere,
  reportErrors,
  type ContactValues,
  type ReportError,
  type ReportErrorField,
  type ReportValues,
  type SurveyQuestion,
} from './doorReport';

interface Props {
  /** "12 Rue de Siam · Apt 3". */
  where: string;
  questions: readonly SurveyQuestion[];
  /** A refused report being fixed: its values. */
  initial?: ReportValues | undefined;
  onSave: (values: ReportValues) => Promise<void> | void;
  onClose: () => void;
}

/**
 * What happened at a door, told in a few taps: the outcome as big buttons, the action's questions, a note, and the
 * household's contact, kept only with their explicit consent. A modal sheet at the bottom of the screen on a phone.
 */
export function ReportSheet({ where, questions, initial, onSave, onClose }: Props) {
  const { t } = useTranslation();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [values, setValues] = useState<ReportValues>(initial ?? emptyReport());
  const [errors, setErrors] = useState<ReportError[]>([]);
  const [contactOpen, setContactOpen] = useState(!!initial?.contact.firstName);
  const [saving, setSaving] = useState(false);

  useLayoutEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => {
      if (dialog.open) dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  const set = (patch: Partial<ReportValues>) => setValues((v) => ({ ...v, ...patch }));
  const setContact = (patch: Partial<ContactValues>) => setValues((v) => ({ ...v, contact: { ...v.contact, ...patch } }));
  const setAnswer = (id: string, value: string) => setValues((v) => ({ ...v, answers: { ...v.answers, [id]: value } }));
  const errorOf = (field: ReportErrorField) => errors.find((e) => e.field === field);
  const errorText = (e: ReportError) => t(`canvass.report.errors.${e.code}`);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const found = reportErrors(values);
    setErrors(found);
    if (found.length) {
      if (found.some((f) => f.field.startsWith('contact.'))) setContactOpen(true);
      // Focus the first control in error once it is shown.
      requestAnimationFrame(() => dialogRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setSaving(true);
    try {
      await onSave(values);
    } finally {
      setSaving(false);
    }
  }

  const talked = !nobodyThere(values.outcome);
  const outcomeError = errorOf('outcome');
  return (
    <dialog
      ref={dialogRef}
      className="dialog sheet"
      aria-labelledby={titleId}
      data-testid="report-sheet"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <form onSubmit={(e) => void submit(e)} noValidate>
        <h2 id={titleId}>{where}</h2>
        <fieldset className="choice-grid outcomes" aria-invalid={outcomeError ? true : undefined} aria-describedby={outcomeError ? `${titleId}-outcome-error` : undefined}>
          <legend>{t('canvass.report.outcome')}</legend>
          {DOOR_OUTCOMES.map((o: DoorOutcome, i) => (
            <button
              key={o}
              type="button"
              className={`choice outcome-${o}`}
              aria-pressed={values.outcome === o}
              onClick={() => set({ outcome: o })}
              data-testid={`outcome-${o}`}
              {...(i === 0 ? { 'data-autofocus': '' } : {})}
            >
              {t(`canvass.outcome.${o}`)}
            </button>
          ))}
          {outcomeError && (
            <p className="error" id={`${titleId}-outcome-error`} role="alert" data-testid="report-errors-outcome">
              {errorText(outcomeError)}
            </p>
          )}
        </fieldset>

        {talked &&
          questions.map((q) => (
            <fieldset key={q.id} className="question" data-testid="report-question" data-question-id={q.id}>
              <legend>{q.label}</legend>
              {q.kind === 'TEXT' ? (
                <input
                  aria-label={q.label}
                  value={values.answers[q.id] ?? ''}
                  maxLength={200}
                  onChange={(e) => setAnswer(q.id, e.target.value)}
                  data-testid={`answer-${q.id}`}
                />
              ) : (
                <div className="choice-grid">
                  {(q.kind === 'YES_NO' ? ['yes', 'no'] : q.choices).map((choice) => {
                    const on = values.answers[q.id] === choice;
                    return (
                      <button
                        key={choice}
                        type="button"
                        className="choice"
                        aria-pressed={on}
                        // A second tap takes the answer back.
                        onClick={() => setAnswer(q.id, on ? '' : choice)}
                        data-testid={`answer-${q.id}`}
                        data-value={choice}
                      >
                        {q.kind !== 'YES_NO' ? choice : choice === 'yes' ? t('canvass.report.yes') : t('canvass.report.no')}
                      </button>
                    );
                  })}
                </div>
              )}
            </fieldset>
          ))}

        <label className="field">
          {t('canvass.report.note')}
          <textarea rows={2} maxLength={1000} value={values.note} onChange={(e) => set({ note: e.target.value })} data-testid="report-note" />
        </label>

        {talked && (
          <div className="contact-box">
            <button
              type="button"
              className="secondary"
              aria-expanded={contactOpen}
              onClick={() => setContactOpen((o) => !o)}
              data-testid="report-contact-toggle"
            >
              {t('canvass.report.leaveContact')}
            </button>
            {contactOpen && (
              <fieldset className="contact" data-testid="report-contact">
                <legend className="visually-hidden">{t('canvass.report.leaveContact')}</legend>
                <ContactField label={t('canvass.report.firstName')} value={values.contact.firstName} error={errorOf('contact.firstName')} errorText={errorText}
                  onChange={(firstName) => setContact({ firstName })} testId="contact-firstName" autoComplete="off" />
                <ContactField label={t('canvass.report.lastName')} value={values.contact.lastName} onChange={(lastName) => setContact({ lastName })}
                  errorText={errorText} testId="contact-lastName" autoComplete="off" />
                <ContactField label={t('canvass.report.email')} type="email" value={values.contact.email} error={errorOf('contact.email')} errorText={errorText}
                  onChange={(email) => setContact({ email })} testId="contact-email" autoComplete="off" />
                <ContactField label={t('canvass.report.phone')} type="tel" value={values.contact.phone} onChange={(phone) => setContact({ phone })}
                  errorText={errorText} testId="contact-phone" autoComplete="off" />
                <label className="inline consent">
                  <input
                    type="checkbox"
                    checked={values.contact.consentGiven}
                    onChange={(e) => setContact({ consentGiven: e.target.checked })}
                    aria-invalid={errorOf('contact.consentGiven') ? true : undefined}
                    aria-describedby={errorOf('contact.consentGiven') ? `${titleId}-consent-error` : undefined}
                    data-testid="contact-consent"
                  />
                  {t('canvass.report.consent')}
                </label>
                {errorOf('contact.consentGiven') && (
                  <p className="error" id={`${titleId}-consent-error`} data-testid="report-errors-consent">
                    {errorText(errorOf('contact.consentGiven')!)}
                  </p>
                )}
                <p className="hint">{t('canvass.report.consentHint')}</p>
              </fieldset>
            )}
          </div>
        )}

        <div className="actions sheet-actions">
          <button type="submit" className="big" disabled={saving} data-testid="report-save">
            {t('canvass.report.save')}
          </button>
          <button type="button" className="secondary big" onClick={onClose} data-testid="report-cancel">
            {t('canvass.report.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}

function ContactField(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: ReportError | undefined;
  errorText: (e: ReportError) => string;
  testId: string;
  type?: string;
  autoComplete?: string;
}) {
  const id = useId();
  return (
    <div className="field">
      <label>
        {props.label}
        <input
          type={props.type ?? 'text'}
          value={props.value}
          autoComplete={props.autoComplete}
          maxLength={200}
          onChange={(e) => props.onChange(e.target.value)}
          aria-invalid={props.error ? true : undefined}
          aria-describedby={props.error ? id : undefined}
          data-testid={props.testId}
        />
      </label>
      {props.error && (
        <p className="error" id={id} data-testid={`${props.testId}-error`}>
          {props.errorText(props.error)}
        </p>
      )}
    </div>
  );
}
