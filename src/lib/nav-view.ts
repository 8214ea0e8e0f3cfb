/** The site's sections as the header lists them: every register, dashboard and directory one step away. */
export const NAVIGATION: readonly { heading: string; links: readonly (readonly [path: string, label: string])[] }[] = [
  {
    heading: 'Records',
    links: [
      ['outcomes/', 'Outcomes'],
      ['decisions/', 'Decisions'],
      ['postmortems/', 'Postmortems'],
    ],
  },
  {
    heading: 'Loops',
    links: [
      ['reviews/', 'Reviews'],
      ['actions/', 'Actions'],
      ['timeline/', 'Timeline'],
      ['insights/', 'Insights'],
    ],
  },
  {
    heading: 'Directory',
    links: [
      ['people/', 'People'],
      ['teams/', 'Teams'],
      ['about/', 'About'],
    ],
  },
];

export interface NavLink {
  url: string;
  label: string;
  /** `page` on the link's own page, `true` anywhere below it (a record under its register). */
  current: 'page' | 'true' | undefined;
}

/** The navigation with the reader's place in it marked, for a page at `pathname`. */
export function navigation(pathname: string, href: (path: string) => string): { heading: string; links: NavLink[] }[] {
  const path = pathname.endsWith('/') ? pathname : `${pathname}/`;
  return NAVIGATION.map(({ heading, links }) => ({
    heading,
    links: links.map(([to, label]) => {
      const url = href(to);
      return { url, label, current: path === url ? 'page' : path.startsWith(url) ? 'true' : undefined };
    }),
  }));
}
