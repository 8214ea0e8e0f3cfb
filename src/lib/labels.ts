/** How a status badge reads: done and good, in flight, closed badly, or set aside. */
export function statusTone(status: string): 'ok' | 'warn' | 'bad' | 'info' | 'dim' {
  switch (status) {
    case 'achieved':
    case 'accepted':
    case 'published':
    case 'done':
      return 'ok';
    case 'committed':
    case 'proposed':
    case 'in-review':
    case 'in-progress':
      return 'info';
    case 'missed':
    case 'rejected':
      return 'bad';
    case 'open':
      return 'warn';
    default:
      return 'dim';
  }
}

export { CLOSED_STATUSES } from '../model/concepts.ts';

export const KIND_LABELS: Record<string, { one: string; many: string }> = {
  outcomes: { one: 'Outcome', many: 'Outcomes' },
  decisions: { one: 'Decision', many: 'Decisions' },
  postmortems: { one: 'Postmortem', many: 'Postmortems' },
};

const SEVERITY_TONE: Record<string, 'bad' | 'warn' | 'info' | 'dim'> = { sev1: 'bad', sev2: 'bad', sev3: 'warn', sev4: 'dim' };

export function severityTone(severity: string): 'bad' | 'warn' | 'info' | 'dim' {
  return SEVERITY_TONE[severity] ?? 'dim';
}
