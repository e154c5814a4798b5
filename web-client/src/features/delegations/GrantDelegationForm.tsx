import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue, useMutation, useQuery } from '../../api/hooks';
import { splitPayloadErrors, toPayloadErrors, type PayloadError } from '../../api/mutationErrors';
import type { GrantDelegationInput, Permission } from '../../gql/graphql';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { FieldErrors, GeneralErrors } from '../../ui/FieldErrors';
import { useFocusFirstError } from '../../ui/useFocusFirstError';
import { ALL_PERMISSIONS } from './PermissionList';
import { DelegationCandidatesQuery, GrantDelegationMutation } from './queries';
import { isSearchable } from '../sections/peopleParams';

export const CANDIDATE_SEARCH_DEBOUNCE_MS = 300;
const FIELDS = ['personId', 'permissions', 'expiresAt'] as const;

/** `2030-06-30` → `2030-06-30T23:59:59Z`: a delegation lasts until the end of its last day (UTC). */
export function endOfDayUtc(date: string): string {
  return `${date}T23:59:59Z`;
}

interface Chosen {
  id: string;
  displayName: string;
}

interface Props {
  sectionId: string;
  /** Permissions the viewer may delegate on the section (Section.delegablePermissions, from the API); empty: no form. */
  grantable: readonly Permission[];
  onGranted: () => void;
}

export function GrantDelegationForm(props: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  if (!props.grantable.length) {
    return (
      <section className="card" aria-labelledby={titleId} data-testid="grant-delegation-unavailable">
        <h2 id={titleId}>{t('delegations.form.title')}</h2>
        <p className="muted">{t('delegations.form.nothingToGrant')}</p>
      </section>
    );
  }
  return <GrantForm {...props} />;
}

function GrantForm({ sectionId, grantable, onGranted }: Props) {
  const { t } = useTranslation();
  const offered = ALL_PERMISSIONS.filter((p) => grantable.includes(p));
  const formId = useId();
  const [search, setSearch] = useState('');
  const debouncedSearch = useDebouncedValue(search.trim(), CANDIDATE_SEARCH_DEBOUNCE_MS);
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [permissions, setPermissions] = useState<Permission[]>([]);
  const [expiry, setExpiry] = useState('');
  const [errors, setErrors] = useState<PayloadError[]>([]);
  const [granted, setGranted] = useState<string | null>(null);

  const candidates = useQuery(DelegationCandidatesQuery, {
    sectionId,
    search: isSearchable(debouncedSearch) ? debouncedSearch : null,
  });
  const people = (candidates.data?.section?.people?.items ?? []).flatMap((p) => (p ? [p] : []));
  const [grant, grantState] = useMutation(GrantDelegationMutation);
  const [formRef, focusFirstError] = useFocusFirstError<HTMLFormElement>();

  const split = splitPayloadErrors(errors, FIELDS);

  function toggle(permission: Permission, checked: boolean) {
    setPermissions((current) =>
      checked ? ALL_PERMISSIONS.filter((p) => p === permission || current.includes(p)) : current.filter((p) => p !== permission),
    );
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setGranted(null);
    const local: PayloadError[] = [];
    if (!chosen) local.push({ code: 'PERSON_REQUIRED', field: 'personId' });
    const asked = permissions.filter((p) => grantable.includes(p));
    if (!asked.length) local.push({ code: 'PERMISSIONS_REQUIRED', field: 'permissions' });
    setErrors(local);
    if (local.length || !chosen) {
      focusFirstError();
      return;
    }

    const input: GrantDelegationInput = { personId: chosen.id, scopeId: sectionId, permissions: asked };
    if (expiry) input.expiresAt = endOfDayUtc(expiry);
    const payload = (await grant({ input }))?.grantDelegation;
    if (!payload || payload.errors.length) {
      // A top-level error is shown by ErrorMessage below.
      if (payload) setErrors(toPayloadErrors(payload.errors));
      focusFirstError();
      return;
    }
    setGranted(chosen.displayName);
    setChosen(null);
    setPermissions([]);
    setExpiry('');
    setSearch('');
    onGranted();
  }

  const personErrorsId = `${formId}-person-errors`;
  const permissionErrorsId = `${formId}-permissions-errors`;
  const expiryErrorsId = `${formId}-expiry-errors`;

  return (
    <form ref={formRef} className="card form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${formId}-title`} data-testid="grant-delegation-form">
      <h2 id={`${formId}-title`}>{t('delegations.form.title')}</h2>

      <fieldset aria-describedby={split.byField.personId ? personErrorsId : undefined}>
        <legend>{t('delegations.form.person')}</legend>
        <label>
          {t('delegations.form.searchPerson')}
          <input
            type="search"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            placeholder={t('people.searchPlaceholder')}
            data-testid="delegation-person-search"
          />
        </label>
        {candidates.error && <ErrorMessage error={candidates.error} />}
        {chosen && (
          <p className="chosen" data-testid="delegation-chosen-person">
            {t('delegations.form.chosen', { name: chosen.displayName })}
          </p>
        )}
        {people.length === 0 && !candidates.loading ? (
          <p className="muted">{t('delegations.form.noCandidates')}</p>
        ) : (
          <ul className="candidates" data-testid="delegation-candidates">
            {people.map((p) => (
              <li key={p.id}>
                <label data-testid="delegation-person-option" data-person-id={p.id}>
                  <input
                    type="radio"
                    name={`${formId}-person`}
                    value={p.id}
                    checked={chosen?.id === p.id}
                    onChange={() => setChosen({ id: p.id, displayName: p.displayName })}
                  />
                  <span className="candidate">
                    <span>{p.displayName}</span>
                    {p.email && <span className="muted email">{p.email}</span>}
                  </span>
                </label>
              </li>
            ))}
          </ul>
        )}
        <FieldErrors id={personErrorsId} errors={split.byField.personId} />
      </fieldset>

      <fieldset aria-describedby={split.byField.permissions ? permissionErrorsId : undefined}>
        <legend>{t('delegations.form.permissions')}</legend>
        <div className="checkboxes">
          {offered.map((p) => (
            <label key={p}>
              <input
                type="checkbox"
                value={p}
                checked={permissions.includes(p)}
                onChange={(e) => toggle(p, e.target.checked)}
                data-testid={`delegation-permission-${p}`}
              />
              {t(`permission.${p}`)}
            </label>
          ))}
        </div>
        <FieldErrors id={permissionErrorsId} errors={split.byField.permissions} />
      </fieldset>

      <label>
        {t('delegations.form.expiresAt')}
        <input
          type="date"
          value={expiry}
          onChange={(e) => setExpiry(e.target.value)}
          aria-describedby={split.byField.expiresAt ? expiryErrorsId : undefined}
          aria-invalid={split.byField.expiresAt ? true : undefined}
          data-testid="delegation-expires-at"
        />
        <span className="hint">{t('delegations.form.expiresHint')}</span>
      </label>
      <FieldErrors id={expiryErrorsId} errors={split.byField.expiresAt} />

      <GeneralErrors errors={split.general} testId="delegation-form-errors" />
      {grantState.error && <ErrorMessage error={grantState.error} />}
      {granted && (
        <p className="success" role="status" data-testid="delegation-granted">
          {t('delegations.form.granted', { name: granted })}
        </p>
      )}

      <div className="actions">
        <button type="submit" disabled={grantState.loading} data-testid="delegation-submit">
          {grantState.loading ? t('delegations.form.submitting') : t('delegations.form.submit')}
        </button>
      </div>
    </form>
  );
}
