/** The colour scheme a user picked; 'system' follows the operating system. */
export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

export const THEME_COOKIE = 'rl-theme';

function isTheme(value: string | undefined): value is Theme {
  return (THEMES as readonly (string | undefined)[]).includes(value);
}

/** Reads the theme cookie value, defaulting to 'system'. */
export function parseTheme(value: string | undefined): Theme {
  return isTheme(value) ? value : 'system';
}

/** The next theme in the toggle's cycle. */
export function nextTheme(theme: Theme): Theme {
  return THEMES[(THEMES.indexOf(theme) + 1) % THEMES.length] ?? 'system';
}
