import type { DemoUser } from '../../api/model.ts';

export interface DemoUserGroup {
  key: string;
  title: string;
  users: DemoUser[];
}

/** Groups demo users by region (platform users first, then by area code) and applies the search text. */
export function groupDemoUsers(
  users: readonly DemoUser[],
  filter: string,
  platformTitle: string,
): DemoUserGroup[] {
  const needle = filter.trim().toLocaleLowerCase('id');
  const groups = new Map<string, DemoUserGroup>();
  for (const user of users) {
    // The platform admin belongs to no region; the server lists it under the pseudo-tenant "platform".
    const platform = !user.tenantCode || user.roles.includes('platform_admin');
    const title = platform ? platformTitle : `${user.tenantName ?? user.tenantCode} (${user.tenantCode})`;
    if (needle && !`${user.name} ${user.email} ${title}`.toLocaleLowerCase('id').includes(needle)) continue;
    const key = platform ? 'platform' : user.tenantCode;
    const group = groups.get(key) ?? { key: key.replaceAll('.', '-'), title, users: [] };
    group.users.push(user);
    groups.set(key, group);
  }
  return [...groups.entries()]
    .sort(([a], [b]) =>
      a === 'platform' ? -1 : b === 'platform' ? 1 : a.localeCompare(b, 'en', { numeric: true }),
    )
    .map(([, group]) => group);
}
