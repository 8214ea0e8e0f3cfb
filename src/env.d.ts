declare module 'virtual:handbook/config' {
  const config: import('./integrations/handbook.ts').HandbookConfig;
  export default config;
}

declare module 'virtual:handbook/assets' {
  /** The URL of the configured logo, if any. */
  export const logo: string | undefined;
  /** The URL of the favicon: the configured one or the handbook's own. */
  export const favicon: string;
}

declare module 'virtual:handbook/styles' {}

declare module 'virtual:handbook/components/*' {
  const component: (props: Record<string, unknown>) => unknown;
  export default component;
}
