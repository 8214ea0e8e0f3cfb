declare module 'virtual:handbook/config' {
  const config: import('./integrations/handbook.ts').HandbookConfig;
  export default config;
}
