import { useComputedColorScheme, useMantineColorScheme } from '@mantine/core';

/** The current scheme and a toggle that saves the choice (see app/theme.ts for the storage key). */
export function useColorSchemeToggle() {
  const { setColorScheme } = useMantineColorScheme();
  const computed = useComputedColorScheme('light', { getInitialValueInEffect: false });
  return { scheme: computed, toggle: () => setColorScheme(computed === 'dark' ? 'light' : 'dark') };
}
