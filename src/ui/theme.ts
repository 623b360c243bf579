/** Light/dark: follows the system unless the user picked one in settings. */
import { useEffect, useSyncExternalStore } from 'react';
import { usePlayground } from './context';

const query = '(prefers-color-scheme: dark)';

function subscribe(fn: () => void): () => void {
  if (typeof matchMedia === 'undefined') return () => undefined;
  const mq = matchMedia(query);
  mq.addEventListener('change', fn);
  return () => mq.removeEventListener('change', fn);
}

const systemDark = () => typeof matchMedia !== 'undefined' && matchMedia(query).matches;

export function useResolvedTheme(): 'light' | 'dark' {
  const setting = usePlayground((s) => s.theme);
  const dark = useSyncExternalStore(subscribe, systemDark, () => false);
  return setting === 'system' ? (dark ? 'dark' : 'light') : setting;
}

/** Puts the resolved theme on <html data-theme>, which the stylesheet keys on. */
export function useApplyTheme(): void {
  const theme = useResolvedTheme();
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    document.documentElement.style.colorScheme = theme;
  }, [theme]);
}

/** True below the width where panels stack under the editor. */
export function useNarrow(maxWidth = 960): boolean {
  const q = `(max-width: ${maxWidth}px)`;
  return useSyncExternalStore(
    (fn) => {
      if (typeof matchMedia === 'undefined') return () => undefined;
      const mq = matchMedia(q);
      mq.addEventListener('change', fn);
      return () => mq.removeEventListener('change', fn);
    },
    () => typeof matchMedia !== 'undefined' && matchMedia(q).matches,
    () => false,
  );
}
