// The tenant administration chunk (Bappeda admins only): OPDs and users.
export { MembersPage } from './MembersPage.tsx';
export { OpdsPage } from './OpdsPage.tsx';
