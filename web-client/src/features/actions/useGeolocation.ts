import { useCallback, useState } from 'react';

export type LocateState = 'idle' | 'locating' | 'denied' | 'unavailable';

/** The browser's position, asked once per tap (never watched): coarse, and a recent one is good enough. */
export function useGeolocation(onPosition: (latitude: number, longitude: number) => void) {
  const [state, setState] = useState<LocateState>('idle');
  const supported = typeof navigator !== 'undefined' && !!navigator.geolocation;
  const locate = useCallback(() => {
    if (!navigator.geolocation) {
      setState('unavailable');
      return;
    }
    setState('locating');
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setState('idle');
        onPosition(position.coords.latitude, position.coords.longitude);
      },
      (error) => setState(error.code === error.PERMISSION_DENIED ? 'denied' : 'unavailable'),
      { enableHighAccuracy: false, timeout: 15_000, maximumAge: 600_000 },
    );
  }, [onPosition]);
  return { state, supported, locate };
}
