import { render } from '@testing-library/react';
import { vi } from 'vitest';
import { MemoryRouter, useLocation, useNavigate } from 'react-router';
import { AppRoutes, Providers } from '../App';

/** Where the app is (path and query), and the browser's Back button. */
function LocationProbe() {
  const location = useLocation();
  const navigate = useNavigate();
  return (
    <>
      <output data-testid="location">{location.pathname + location.search}</output>
      <button type="button" hidden onClick={() => void navigate(-1)} data-testid="history-back" />
    </>
  );
}

/** Renders the whole app at a path, as the browser would after a reload there. */
export function renderApp(path: string) {
  return render(
    <MemoryRouter initialEntries={[path]}>
      <Providers>
        <AppRoutes />
        <LocationProbe />
      </Providers>
    </MemoryRouter>,
  );
}

/** Renders lists as a phone would (cards): matchMedia answers the phone query. */
export function actAsPhone(): void {
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches: query.includes('max-width'),
    media: query,
    addEventListener: () => {},
    removeEventListener: () => {},
  }));
}
