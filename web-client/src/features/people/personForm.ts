import type { PayloadError } from '../../api/mutationErrors';
import type {
  AddPersonInput,
  ConsentInput,
  PersonDetailsFieldsFragment,
  PersonKind,
  PostalAddressInput,
  ProfileVisibility,
  UpdatePersonInput,
} from '../../gql/graphql';
import { CONSENT_KINDS, consentKey, type ConsentKey, type ManagerMethod, type Wordings } from './consents';

export const PERSON_KINDS: readonly PersonKind[] = ['MEMBER', 'SUPPORTER'];
export const VISIBILITIES: readonly ProfileVisibility[] = ['PRIVATE', 'SECTION', 'NETWORK'];

/** Input paths the person forms show, spelled as the API names them in ValidationError.field. */
export const PERSON_FORM_PATHS = [
  'kind',
  'firstName',
  'lastName',
  'email',
  'phone',
  'tags',
  'address',
  'address.line1',
  'address.postalCode',
  'address.city',
  'consents',
  'consentMethod',
  'profileVisibility',
] as const;
export type PersonFormPath = (typeof PERSON_FORM_PATHS)[number];

/**
 * add: a manager records someone new, with the consents they gave on paper or orally.
 * edit: a manager changes someone of their section. self: the person changes their own details (not whether they
 * are a member, nor their email, which binds their account).
 */
export type PersonFormMode = 'add' | 'edit' | 'self';

/** What the person forms edit, as typed (strings untrimmed, tags comma-separated). */
export interface PersonFormValues {
  kind: '' | PersonKind;
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  tags: string;
  line1: string;
  postalCode: string;
  city: string;
  consents: Record<ConsentKey, boolean>;
  consentMethod: '' | ManagerMethod;
  profileVisibility: ProfileVisibility;
}

export type EditablePerson = Pick<
  PersonDetailsFieldsFragment,
  'id' | 'kind' | 'firstName' | 'lastName' | 'email' | 'phone' | 'tags' | 'address' | 'profileVisibility'
>;

export function emptyPersonValues(): PersonFormValues {
  return {
    kind: '',
    firstName: '',
    lastName: '',
    email: '',
    phone: '',
    tags: '',
    line1: '',
    postalCode: '',
    city: '',
    consents: { 'NEWS-EMAIL': false, 'NEWS-SMS': false, 'ACTIONS-EMAIL': false, 'ACTIONS-SMS': false },
    consentMethod: '',
    profileVisibility: 'SECTION',
  };
}

export function valuesFromPerson(person: EditablePerson): PersonFormValues {
  return {
    ...emptyPersonValues(),
    kind: person.kind,
    firstName: person.firstName,
    lastName: person.lastName,
    email: person.email ?? '',
    phone: person.phone ?? '',
    tags: (person.tags ?? []).join(', '),
    line1: person.address?.line1 ?? '',
    postalCode: person.address?.postalCode ?? '',
    city: person.address?.city ?? '',
    profileVisibility: person.profileVisibility ?? 'SECTION',
  };
}

/** `" a, b ,,c "` → `["a", "b", "c"]`. */
export function splitTags(text: string): string[] {
  return text
    .split(',')
    .map((tag) => tag.trim())
    .filter((tag) => tag.length > 0);
}

function addressParts(v: PersonFormValues) {
  return { line1: v.line1.trim(), postalCode: v.postalCode.trim(), city: v.city.trim() };
}

function hasAddress(v: PersonFormValues): boolean {
  const a = addressParts(v);
  return !!(a.line1 || a.postalCode || a.city);
}

function tickedConsents(v: PersonFormValues) {
  return CONSENT_KINDS.filter((k) => v.consents[consentKey(k)]);
}

/** Checks the browser can make before sending: required fields, an address all or nothing, how consents were given. */
export function localPersonErrors(v: PersonFormValues, mode: PersonFormMode, person?: EditablePerson): PayloadError[] {
  const errors: PayloadError[] = [];
  const add = (code: string, field: PersonFormPath) => errors.push({ code, field });
  if (!v.kind) add('REQUIRED', 'kind');
  if (!v.firstName.trim()) add('REQUIRED', 'firstName');
  if (!v.lastName.trim()) add('REQUIRED', 'lastName');
  if (mode !== 'self' && !v.email.trim()) add('REQUIRED', 'email');
  const a = addressParts(v);
  if (hasAddress(v)) {
    if (!a.line1) add('ADDRESS_INCOMPLETE', 'address.line1');
    if (!a.postalCode) add('ADDRESS_INCOMPLETE', 'address.postalCode');
    if (!a.city) add('ADDRESS_INCOMPLETE', 'address.city');
  } else if (person?.address) {
    add('ADDRESS_NOT_REMOVABLE', 'address');
  }
  if (mode === 'add' && tickedConsents(v).length > 0 && !v.consentMethod) add('METHOD_REQUIRED', 'consentMethod');
  return errors;
}

/** The addPerson input: optional parts omitted when left empty; each ticked consent with the wording shown. */
export function buildAddPersonInput(sectionId: string, v: PersonFormValues, wordings: Wordings): AddPersonInput {
  if (!v.kind) throw new Error('kind is required');
  const input: AddPersonInput = {
    sectionId,
    kind: v.kind,
    firstName: v.firstName.trim(),
    lastName: v.lastName.trim(),
    email: v.email.trim(),
  };
  const phone = v.phone.trim();
  if (phone) input.phone = phone;
  const tags = splitTags(v.tags);
  if (tags.length) input.tags = tags;
  if (hasAddress(v)) input.address = addressParts(v);
  const method = v.consentMethod;
  if (method) {
    const consents: ConsentInput[] = tickedConsents(v).map((k) => ({
      ...k,
      granted: true,
      method,
      wordingVersion: wordings[consentKey(k)]?.version ?? null,
    }));
    if (consents.length) input.consents = consents;
  }
  return input;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * The updatePerson input with only what changed (the API leaves null/omitted fields as they are);
 * null when nothing changed. An emptied phone is sent as "" (which clears it). A changed address is sent
 * whole, keeping its line 2 and country, which the form does not show.
 */
export function buildUpdatePersonInput(person: EditablePerson, v: PersonFormValues, mode: PersonFormMode): UpdatePersonInput | null {
  const input: UpdatePersonInput = { personId: person.id };
  let changed = false;
  const set = <K extends keyof UpdatePersonInput>(key: K, value: UpdatePersonInput[K]) => {
    input[key] = value;
    changed = true;
  };

  if (mode !== 'self' && v.kind && v.kind !== person.kind) set('kind', v.kind);
  const firstName = v.firstName.trim();
  if (firstName !== person.firstName) set('firstName', firstName);
  const lastName = v.lastName.trim();
  if (lastName !== person.lastName) set('lastName', lastName);
  const email = v.email.trim();
  if (mode !== 'self' && email !== (person.email ?? '')) set('email', email);
  const phone = v.phone.trim();
  if (phone !== (person.phone ?? '')) set('phone', phone);
  const tags = splitTags(v.tags);
  if (!sameList(tags, person.tags ?? [])) set('tags', tags);

  const a = addressParts(v);
  const old = person.address;
  if (hasAddress(v) && (a.line1 !== (old?.line1 ?? '') || a.postalCode !== (old?.postalCode ?? '') || a.city !== (old?.city ?? ''))) {
    const address: PostalAddressInput = { ...a };
    if (old?.line2) address.line2 = old.line2;
    if (old?.country) address.country = old.country;
    set('address', address);
  }

  if (v.profileVisibility !== person.profileVisibility) set('profileVisibility', v.profileVisibility);
  return changed ? input : null;
}
