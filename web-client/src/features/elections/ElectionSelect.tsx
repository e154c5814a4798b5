import { useTranslation } from 'react-i18next';
import type { Election } from './useElections';

interface Props {
  elections: readonly Election[];
  value: string;
  onChange: (id: string) => void;
  testId: string;
}

/** The elections, newest first (their names say the year and round). */
export function ElectionSelect({ elections, value, onChange, testId }: Props) {
  const { t } = useTranslation();
  return (
    <label>
      {t('elections.election')}
      <select value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        {elections.map((e) => (
          <option key={e.id} value={e.id}>
            {e.name}
          </option>
        ))}
      </select>
    </label>
  );
}
