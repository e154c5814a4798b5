import type { PayloadError } from '../../api/mutationErrors';
import type {
  AddPersonInput,
  ConsentInput,
  ConsentMethod,
  PersonDetailsQuery,
  PersonKind,
  PostalAddressInput,
  ProfileVisibility,
  UpdatePersonInput,
} from '../../gql/graphql';

export const CONSENT_METHODS: readonly ConsentMethod[] = ['WEB_FORM', 'PAPER_FORM', 'ORAL', 'IMPORT'];
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
  'emailConsent',
  'smsConsent',
  'profileVisibility',
] as const;
export type PersonFormPath = (typeof PERSON_FORM_PATHS)[number];

export interface ConsentValue {
  given: boolean;
  method: ConsentMethod;
}

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
  emailConsent: ConsentValue;
  smsConsent: ConsentValue;
  profileVisibility: ProfileVisibility;
}

export type EditablePerson = Pick<
  NonNullable<PersonDetailsQuery['person']>,
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
    emailConsent: { given: false, method: 'WEB_FORM' },
    smsConsent: { given: false, method: 'WEB_FORM' },
    profileVisibility: 'SECTION',
  };
}

export function valuesFromPerson(person: EditablePerson): PersonFormValues {
  return {
    ...emptyPersonValues(),
    kind: person.kind,
    firstName: person.firstName,
    lastName: person.lastName,
    email: person.email,
    phone: person.phone ?? '',
    tags: person.tags.join(', '),
    line1: person.address?.line1 ?? '',
    postalCode: person.address?.postalCode ?? '',
    city: person.address?.city ?? '',
    profileVisibility: person.profileVisibility,
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

function consentInput(c: ConsentValue): ConsentInput | undefined {
  return c.given ? { granted: true, method: c.method } : undefined;
}

export interface LocalMessages {
  required: string;
  addressIncomplete: string;
  addressNotRemovable: string;
}

/** Checks the browser can make before sending: required fields, an address all or nothing. */
export function localPersonErrors(v: PersonFormValues, messages: LocalMessages, person?: EditablePerson): PayloadError[] {
  const errors: PayloadError[] = [];
  const required = (field: PersonFormPath) => errors.push({ code: 'REQUIRED', message: messages.required, field });
  if (!v.kind) required('kind');
  if (!v.firstName.trim()) required('firstName');
  if (!v.lastName.trim()) required('lastName');
  if (!v.email.trim()) required('email');
  const a = addressParts(v);
  if (hasAddress(v)) {
    if (!a.line1) errors.push({ code: 'REQUIRED', message: messages.addressIncomplete, field: 'address.line1' });
    if (!a.postalCode) errors.push({ code: 'REQUIRED', message: messages.addressIncomplete, field: 'address.postalCode' });
    if (!a.city) errors.push({ code: 'REQUIRED', message: messages.addressIncomplete, field: 'address.city' });
  } else if (person?.address) {
    errors.push({ code: 'ADDRESS_NOT_REMOVABLE', message: messages.addressNotRemovable, field: 'address' });
  }
  return errors;
}

/** The addPerson input: optional parts omitted when left empty, consents only when ticked. */
export function buildAddPersonInput(sectionId: string, v: PersonFormValues): AddPersonInput {
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
  const emailConsent = consentInput(v.emailConsent);
  if (emailConsent) input.emailConsent = emailConsent;
  const smsConsent = consentInput(v.smsConsent);
  if (smsConsent) input.smsConsent = smsConsent;
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
export function buildUpdatePersonInput(person: EditablePerson, v: PersonFormValues): UpdatePersonInput | null {
  const input: UpdatePersonInput = { personId: person.id };
  let changed = false;
  const set = <K extends keyof UpdatePersonInput>(key: K, value: UpdatePersonInput[K]) => {
    input[key] = value;
    changed = true;
  };

  if (v.kind && v.kind !== person.kind) set('kind', v.kind);
  const firstName = v.firstName.trim();
  if (firstName !== person.firstName) set('firstName', firstName);
  const lastName = v.lastName.trim();
  if (lastName !== person.lastName) set('lastName', lastName);
  const email = v.email.trim();
  if (email !== person.email) set('email', email);
  const phone = v.phone.trim();
  if (phone !== (person.phone ?? '')) set('phone', phone);
  const tags = splitTags(v.tags);
  if (!sameList(tags, person.tags)) set('tags', tags);

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
