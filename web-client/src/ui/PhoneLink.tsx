/** `+33612345678` → `+33 6 12 34 56 78`; other numbers are shown as stored (E.164). */
export function formatPhone(e164: string): string {
  const french = /^\+33(\d)(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(e164);
  return french ? `+33 ${french.slice(1).join(' ')}` : e164;
}

/** A phone number organizers call with one tap. */
export function PhoneLink({ phone, testId }: { phone: string; testId?: string }) {
  return (
    <a href={`tel:${phone}`} className="tel" data-testid={testId}>
      {formatPhone(phone)}
    </a>
  );
}
