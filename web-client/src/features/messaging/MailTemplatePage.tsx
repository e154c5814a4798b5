import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from '../../api/hooks';
import { splitPayloadErrors, toPayloadErrors, type PayloadError } from '../../api/mutationErrors';
import type { SectionMailTemplateQuery as TemplateResult } from '../../gql/graphql';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Field } from '../../ui/Field';
import { GeneralErrors } from '../../ui/FieldErrors';
import { PageHeading } from '../../ui/PageHeading';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { useFocusFirstError } from '../../ui/useFocusFirstError';
import { ActionErrors } from '../actions/ActionErrors';
import { unknownVariables } from './messageText';
import { MessagingNav, NodePicker, NoSendingNode } from './MessagingParts';
import { SectionMailTemplateQuery, SetSectionMailTemplateMutation } from './queries';
import { useMessagingNode } from './useMessagingNode';

const FORM = 'template-form';
const PATHS = ['senderName', 'footer'] as const;

type Template = TemplateResult['sectionMailTemplate'];

/** A section's newsletter template: the sender's name and the Markdown footer under every newsletter (`?section=`). */
export function MailTemplatePage() {
  const { t } = useTranslation();
  const m = useMessagingNode();
  const sectionId = m.node?.level === 'SECTION' ? m.node.sectionId : '';
  const { data, error, loading } = useQuery(SectionMailTemplateQuery, { sectionId }, { skip: !sectionId });
  useDocumentTitle(m.node ? t('messaging.template.titleOf', { node: m.label }) : t('messaging.template.title'));

  if (!m.node) return <NoSendingNode loading={m.waiting} />;
  return (
    <div className="page template-page" data-testid="template-page">
      <div className="page-heading">
        <div>
          <PageHeading>{t('messaging.template.titleOf', { node: m.label })}</PageHeading>
          <MessagingNav node={m.node} current="template" />
        </div>
      </div>
      <NodePicker node={m.node} choices={m.choices} onChoose={m.choose} />
      {!sectionId ? (
        <p className="notice" data-testid="template-sections-only">
          {t('messaging.template.sectionsOnly')}
        </p>
      ) : !data && loading ? (
        <p role="status">{t('common.loading')}</p>
      ) : error ? (
        <ErrorMessage error={error} />
      ) : data ? (
        <TemplateForm key={sectionId} sectionId={sectionId} initial={data.sectionMailTemplate} />
      ) : null}
    </div>
  );
}

function TemplateForm({ sectionId, initial }: { sectionId: string; initial: Template }) {
  const { t } = useTranslation();
  const [values, setValues] = useState({ senderName: initial.senderName, footer: initial.footer });
  const [errors, setErrors] = useState<PayloadError[]>([]);
  const [saved, setSaved] = useState(false);
  const [formRef, focusFirstError] = useFocusFirstError<HTMLFormElement>();
  const [save, state] = useMutation(SetSectionMailTemplateMutation);
  const split = splitPayloadErrors(errors, PATHS);
  const set = (patch: Partial<typeof values>) => {
    setSaved(false);
    setValues((v) => ({ ...v, ...patch }));
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    const local: PayloadError[] = [];
    if (!values.senderName.trim()) local.push({ code: 'REQUIRED', field: 'senderName' });
    if (unknownVariables(values.footer).length) local.push({ code: 'UNKNOWN_VARIABLE', field: 'footer' });
    setErrors(local);
    if (local.length) {
      focusFirstError();
      return;
    }
    const payload = (await save({ input: { sectionId, senderName: values.senderName.trim(), footer: values.footer } }))?.setSectionMailTemplate;
    if (!payload) {
      focusFirstError();
      return;
    }
    if (payload.errors.length || !payload.template) {
      setErrors(toPayloadErrors(payload.errors));
      focusFirstError();
      return;
    }
    setValues({ senderName: payload.template.senderName, footer: payload.template.footer });
    setSaved(true);
  }

  return (
    <form ref={formRef} className="card form template-form" onSubmit={(e) => void submit(e)} noValidate data-testid={FORM}>
      <p className="hint">{t('messaging.template.intro')}</p>
      <Field label={t('messaging.template.senderName')} testId="template-sender-name" errorsId={`${FORM}-errors-senderName`} errors={split.byField.senderName}>
        {(aria) => <input {...aria} value={values.senderName} maxLength={120} onChange={(e) => set({ senderName: e.target.value })} />}
      </Field>
      <Field
        label={t('messaging.template.footer')}
        testId="template-footer"
        errorsId={`${FORM}-errors-footer`}
        errors={split.byField.footer}
        hint={t('messaging.template.footerHint')}
      >
        {(aria) => <textarea {...aria} value={values.footer} rows={6} maxLength={4000} onChange={(e) => set({ footer: e.target.value })} />}
      </Field>
      <GeneralErrors errors={split.general} testId={`${FORM}-errors`} />
      <ActionErrors error={state.error} testId={`${FORM}-request-errors`} />
      {saved && (
        <p className="success" role="status" data-testid="template-saved">
          {t('messaging.template.saved')}
        </p>
      )}
      <div className="actions">
        <button type="submit" disabled={state.loading} data-testid="template-submit">
          {state.loading ? t('actions.form.saving') : t('messaging.template.save')}
        </button>
      </div>
    </form>
  );
}
