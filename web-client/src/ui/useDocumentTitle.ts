import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets the tab's title, "Brest Centre · Coopol": it is what a screen reader announces and what history lists. */
export function useDocumentTitle(title: string | null | undefined): void {
  const { t } = useTranslation();
  const app = t('app.name');
  useEffect(() => {
    document.title = title ? `${title} · ${app}` : app;
  }, [title, app]);
}
