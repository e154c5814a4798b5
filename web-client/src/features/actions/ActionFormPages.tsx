import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from '../../api/hooks';
import type { ActionInput } from '../../gql/graphql';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { PageHeading } from '../../ui/PageHeading';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { ActionForm } from './ActionForm';
import { emptyActionValues, valuesOf } from './actionForm';
import { ActionForEditQuery, ActionSectionQuery, CreateActionMutation, UpdateActionMutation } from './queries';

/** A new action of a section (MANAGE_ACTIONS there); the meeting-point map starts at the section's seat. */
export function NewActionPage() {
  const { sectionId = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data, error, loading } = useQuery(ActionSectionQuery, { id: sectionId });
  const [create, state] = useMutation(CreateActionMutation);
  const section = data?.section ?? null;
  useDocumentTitle(t('actions.form.newTitle'));

  if (!data && loading) return <p role="status">{t('common.loading')}</p>;
  if (!section) return error ? <ErrorMessage error={error} /> : <p className="notice" data-testid="section-not-found">{t('section.notFound')}</p>;

  const back = `/sections/${encodeURIComponent(section.id)}/actions`;
  async function submit(action: ActionInput, publish: boolean) {
    const payload = (await create({ input: { sectionId: section!.id, action, publish } }))?.createAction;
    if (!payload) return undefined;
    if (!payload.errors.length && payload.action) navigate(`/actions/${encodeURIComponent(payload.action.id)}`);
    return payload.errors;
  }

  return (
    <div className="page" data-testid="new-action-page">
      <p className="breadcrumb">
        <Link to={back}>{t('actions.section.title', { section: section.name })}</Link>
      </p>
      <PageHeading>{t('actions.form.newTitle')}</PageHeading>
      {!section.viewerPermissions.includes('MANAGE_ACTIONS') ? (
        <p className="notice" data-testid="action-form-forbidden">
          {t('actions.form.forbidden')}
        </p>
      ) : (
        <ActionForm
          mode="create"
          initial={emptyActionValues()}
          seat={section.seatLocation ?? null}
          onSubmit={submit}
          requestError={state.error}
          busy={state.loading}
          onCancel={() => navigate(back)}
        />
      )}
    </div>
  );
}

/** Editing an action (those who manage it). */
export function EditActionPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data, error, loading } = useQuery(ActionForEditQuery, { id });
  const [update, state] = useMutation(UpdateActionMutation);
  const action = data?.action ?? null;
  useDocumentTitle(action ? t('actions.form.editTitle', { title: action.title }) : null);

  if (!data && loading) return <p role="status">{t('common.loading')}</p>;
  if (!action) return error ? <ErrorMessage error={error} /> : <p className="notice" data-testid="action-not-found">{t('actions.page.notFoundText')}</p>;

  const page = `/actions/${encodeURIComponent(action.id)}`;
  async function submit(input: ActionInput) {
    const payload = (await update({ input: { actionId: action!.id, action: input } }))?.updateAction;
    if (!payload) return undefined;
    if (!payload.errors.length) navigate(page);
    return payload.errors;
  }

  return (
    <div className="page" data-testid="edit-action-page">
      <p className="breadcrumb">
        <Link to={page}>{action.title}</Link>
      </p>
      <PageHeading>{t('actions.form.editTitle', { title: action.title })}</PageHeading>
      {!action.viewerManages ? (
        <p className="notice" data-testid="action-form-forbidden">
          {t('actions.form.forbidden')}
        </p>
      ) : action.status === 'CANCELLED' || action.status === 'DONE' ? (
        <p className="notice" data-testid="action-form-closed">
          {t('actions.form.closed')}
        </p>
      ) : (
        <ActionForm
          mode="edit"
          initial={valuesOf(action)}
          seat={null}
          kept={{
            turfArea: action.turfArea,
            communeCode: action.communeCode,
            meetingPoint: action.meetingPoint,
            campaign: action.campaign,
            questions: valuesOf(action).questions,
          }}
          onSubmit={submit}
          requestError={state.error}
          busy={state.loading}
          onCancel={() => navigate(page)}
        />
      )}
    </div>
  );
}
