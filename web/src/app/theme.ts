import { createTheme, type MantineColorsTuple } from '@mantine/core';

// An indigo that reads as "product" in both schemes; shade 6 is the primary action color.
const brand: MantineColorsTuple = [
  '#eef0ff',
  '#dcdffd',
  '#b6bbf6',
  '#8e96f0',
  '#6c74ea',
  '#5860e7',
  '#4c53e5',
  '#3d44cc',
  '#353bb7',
  '#2a30a2',
];

// A cool neutral dark scale: dark-0 is body text, dark-7 cards, dark-8 the canvas.
const dark: MantineColorsTuple = [
  '#e3e5ea',
  '#babec8',
  '#9196a3',
  '#6b707d',
  '#444854',
  '#343741',
  '#282b33',
  '#1e2027',
  '#16181d',
  '#101115',
];

const font = "'Inter Variable', Inter, ui-sans-serif, system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

/** The Tandem look: one brand color, Inter, soft radii, quiet borders. */
export const theme = createTheme({
  primaryColor: 'brand',
  primaryShade: { light: 6, dark: 5 },
  colors: { brand, dark },
  black: '#15171c',
  fontFamily: font,
  fontFamilyMonospace: "ui-monospace, 'SF Mono', 'JetBrains Mono', Menlo, Consolas, monospace",
  headings: {
    fontFamily: font,
    fontWeight: '650',
    sizes: {
      h1: { fontSize: '1.625rem', lineHeight: '1.25' },
      h2: { fontSize: '1.25rem', lineHeight: '1.3' },
      h3: { fontSize: '1.0625rem', lineHeight: '1.4' },
    },
  },
  defaultRadius: 'md',
  cursorType: 'pointer',
  focusRing: 'auto',
  components: {
    Paper: { defaultProps: { withBorder: true, radius: 'lg' } },
    Card: { defaultProps: { withBorder: true, radius: 'lg' } },
    Modal: { defaultProps: { radius: 'lg', centered: true, padding: 'lg', overlayProps: { backgroundOpacity: 0.45, blur: 2 } } },
    Tooltip: { defaultProps: { withArrow: true, openDelay: 300 } },
    // A badge is a status word or a short name: in a table it keeps its width instead of shrinking to "Compl…".
    Badge: { defaultProps: { radius: 'sm', variant: 'light' }, styles: { root: { minWidth: 'max-content' } } },
    Table: { defaultProps: { verticalSpacing: 'sm', horizontalSpacing: 'md', highlightOnHover: true } },
    TextInput: { defaultProps: { radius: 'md' } },
    PasswordInput: { defaultProps: { radius: 'md' } },
    Select: { defaultProps: { radius: 'md', allowDeselect: false } },
    Menu: { defaultProps: { radius: 'md', shadow: 'md' } },
  },
});

/** localStorage key of the light/dark choice; public/theme-init.js reads the same key before the app loads. */
export const colorSchemeKey = 'tandem-color-scheme';
